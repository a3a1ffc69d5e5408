import { createHash } from 'node:crypto';

// The page shell. Lists and message views come from /ui/* as server-rendered, escaped fragments
// (inbox-fragments.ts); this script only fetches, swaps and switches tabs. Everything is inline so
// the page works offline, with no external fonts, scripts or stylesheets.

const STYLE = `
:root { color-scheme: light dark; --line: #8884; --muted: #8a8a8a; --accent: #2563eb; --bad: #b91c1c; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
header.bar { display: flex; align-items: center; gap: 1rem; padding: .6rem 1rem; border-bottom: 1px solid var(--line); }
header.bar h1 { font-size: 1rem; margin: 0; }
header.bar .info { color: var(--muted); flex: 1; }
button { font: inherit; padding: .3rem .7rem; border: 1px solid var(--line); border-radius: 6px; background: none;
  color: inherit; cursor: pointer; }
button.danger { border-color: var(--bad); color: var(--bad); }
button:disabled { opacity: .4; cursor: default; }
main { display: grid; grid-template-columns: minmax(260px, 380px) 1fr; height: calc(100vh - 49px); }
#list { overflow: auto; border-right: 1px solid var(--line); }
#detail { overflow: auto; padding: 1rem 1.25rem; }
.rows { list-style: none; margin: 0; padding: 0; }
.row { display: grid; grid-template-columns: 1fr auto; gap: 0 .5rem; padding: .55rem 1rem; color: inherit;
  text-decoration: none; border-bottom: 1px solid var(--line); }
.row:hover, .row.selected { background: #8881; }
.row.selected { box-shadow: inset 3px 0 var(--accent); }
.row .subject, .row .to { grid-column: 1 / -1; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.row .from { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.row time, .row .to, .count, .empty, .hint { color: var(--muted); font-size: .85em; }
.row.unread .subject, .row.unread .from { font-weight: 600; }
.count, .empty, .fault { margin: 0; padding: .5rem 1rem; }
.fault { background: #b91c1c22; color: var(--bad); }
.detail h2 { margin: 0 0 .5rem; font-size: 1.2rem; word-break: break-word; }
.meta { display: grid; grid-template-columns: auto 1fr; gap: .15rem .75rem; margin: 0 0 .5rem; }
.meta dt { color: var(--muted); } .meta dd { margin: 0; word-break: break-word; }
.tabs { display: flex; gap: .25rem; border-bottom: 1px solid var(--line); margin: .75rem 0; }
.tabs button { border: none; border-bottom: 2px solid transparent; border-radius: 0; }
.tabs button[aria-selected="true"] { border-bottom-color: var(--accent); color: var(--accent); }
iframe { width: 100%; height: 70vh; border: 1px solid var(--line); border-radius: 6px; background: #fff; }
pre { white-space: pre-wrap; word-break: break-word; margin: 0; }
table.headers { border-collapse: collapse; font-size: .85em; }
table.headers th { text-align: left; vertical-align: top; padding: .15rem .75rem .15rem 0; white-space: nowrap; }
table.headers td { word-break: break-all; }
@media (max-width: 760px) { main { grid-template-columns: 1fr; height: auto; } #list { max-height: 40vh; } }
`;

const SCRIPT = `
const list = document.getElementById('list');
const detail = document.getElementById('detail');
let shownList = '';

function localTimes(root) {
  for (const time of root.querySelectorAll('time[datetime]')) time.textContent = new Date(time.dateTime).toLocaleString();
}
function markSelected() {
  const id = decodeURIComponent(location.hash.slice(1));
  for (const row of list.querySelectorAll('a[data-id]')) row.classList.toggle('selected', row.dataset.id === id);
}
async function refreshList() {
  const response = await fetch('/ui/messages', { cache: 'no-store' }).catch(() => null);
  if (!response || !response.ok) return;
  const html = await response.text();
  if (html === shownList) return;
  shownList = html;
  list.innerHTML = html;
  localTimes(list);
  markSelected();
}
async function showMessage() {
  const id = decodeURIComponent(location.hash.slice(1));
  if (!id) { detail.innerHTML = '<p class="hint">Select a message.</p>'; return; }
  const response = await fetch('/ui/message/' + encodeURIComponent(id), { cache: 'no-store' }).catch(() => null);
  if (!response || !response.ok) { detail.innerHTML = '<p class="hint">Message not found.</p>'; return; }
  detail.innerHTML = await response.text();
  localTimes(detail);
  markSelected();
  refreshList();
}
detail.addEventListener('click', (event) => {
  const tab = event.target.closest('button[data-tab]');
  if (!tab || tab.disabled) return;
  for (const other of detail.querySelectorAll('button[data-tab]')) other.setAttribute('aria-selected', String(other === tab));
  for (const panel of detail.querySelectorAll('[data-panel]')) panel.hidden = panel.dataset.panel !== tab.dataset.tab;
});
document.getElementById('delete-all').addEventListener('click', async () => {
  if (!confirm('Delete all messages?')) return;
  await fetch('/api/v1/messages', { method: 'DELETE' });
  history.replaceState(null, '', location.pathname);
  await Promise.all([refreshList(), showMessage()]);
});
window.addEventListener('hashchange', showMessage);
setInterval(() => { if (!document.hidden) refreshList(); }, 2000);
refreshList();
showMessage();
`;

/**
 * Only this exact script may run: mail content rendered into the page can never execute even if
 * an escaping bug slipped through. Inline styles stay allowed because the sandboxed mail HTML
 * (which inherits this policy) needs its own styles and images to look like the real thing.
 */
export const INBOX_PAGE_CSP = [
  "default-src 'none'",
  `script-src 'sha256-${createHash('sha256').update(SCRIPT).digest('base64')}'`,
  "style-src 'unsafe-inline'",
  'img-src * data:',
  "connect-src 'self'",
  "frame-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** `listHtml` is the first list fragment, so the page shows mail without waiting for a fetch. */
export function inboxPage(smtpPort: number, listHtml: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Dev inbox</title>
<style>${STYLE}</style>
</head>
<body>
<header class="bar">
  <h1>Dev inbox</h1>
  <span class="info">SMTP on port ${smtpPort} &middot; Mailpit-compatible API at /api/v1</span>
  <button type="button" id="delete-all" class="danger">Delete all</button>
</header>
<main>
  <nav id="list" aria-label="Messages">${listHtml}</nav>
  <div id="detail"><p class="hint">Select a message.</p></div>
</main>
<script>${SCRIPT}</script>
</body>
</html>
`;
}
