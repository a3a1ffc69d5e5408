import type { FaultState } from './fault-switch.js';
import type { AttachmentInfo, MailAddress, StoredMessage } from './message-store.js';

// The web view is rendered here, on the server, and only swapped into the page by its script:
// one place builds markup from mail content, and every value from a message goes through escapeHtml.

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char);
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function listFragment(messages: StoredMessage[], fault: FaultState): string {
  const banner = fault.rejectWith
    ? `<p class="fault">Fault injected: SMTP answers ${fault.rejectWith} ${
        fault.remaining === null ? 'until cleared' : `for the next ${fault.remaining} message(s)`
      }${fault.until === null ? '' : ` until ${escapeHtml(fault.until)}`}</p>`
    : '';
  if (messages.length === 0) return `${banner}<p class="empty">No messages yet.</p>`;
  const rows = messages.map(
    (message) => `<li><a href="#${escapeHtml(encodeURIComponent(message.id))}" data-id="${escapeHtml(message.id)}"
  class="row${message.read ? '' : ' unread'}">
  <span class="from">${escapeHtml(displayAddress(message.from))}</span>${timeTag(message.created)}
  <span class="subject">${escapeHtml(message.subject || '(no subject)')}</span>
  <span class="to">To: ${escapeHtml(addressList(message.to) || '(none)')}</span></a></li>`,
  );
  return `${banner}<p class="count">${messages.length} message(s)</p><ul class="rows">${rows.join('\n')}</ul>`;
}

export function detailFragment(message: StoredMessage): string {
  const hasHtml = message.html.trim() !== '';
  const first = hasHtml ? 'html' : 'text';
  const tab = (name: string, label: string, enabled = true) =>
    `<button type="button" role="tab" data-tab="${name}" aria-selected="${name === first}"${enabled ? '' : ' disabled'}>${label}</button>`;
  const panel = (name: string, content: string) =>
    `<section data-panel="${name}" role="tabpanel"${name === first ? '' : ' hidden'}>${content}</section>`;
  const raw = `/api/v1/message/${encodeURIComponent(message.id)}/raw`;
  return `<article class="detail" data-id="${escapeHtml(message.id)}">
<h2>${escapeHtml(message.subject || '(no subject)')}</h2>
<dl class="meta">
${field('From', displayAddress(message.from))}${field('To', addressList(message.to))}${field('Cc', addressList(message.cc))}
${field('Bcc', addressList(message.bcc))}${field('Reply-To', addressList(message.replyTo))}
<dt>Date</dt><dd>${timeTag(message.date)}</dd>${field('Size', formatBytes(message.size))}
</dl>
<p class="links"><a href="${escapeHtml(raw)}" target="_blank" rel="noopener">Raw source</a></p>
${attachmentList(message.attachments)}
<div class="tabs" role="tablist">${tab('html', 'HTML', hasHtml)}${tab('text', 'Text')}${tab('headers', 'Headers')}</div>
${panel(
  'html',
  // sandbox="" gives the mail's HTML a unique origin with scripts, forms and navigation off, so a
  // hostile message can neither run code nor reach this page or the API.
  hasHtml ? `<iframe sandbox="" referrerpolicy="no-referrer" title="HTML part" srcdoc="${escapeHtml(message.html)}"></iframe>` : '',
)}
${panel('text', `<pre>${escapeHtml(message.text || '(no text part)')}</pre>`)}
${panel('headers', headerTable(message.headers))}
</article>`;
}

function field(label: string, value: string): string {
  return value ? `<dt>${label}</dt><dd>${escapeHtml(value)}</dd>` : '';
}

function addressList(addresses: MailAddress[]): string {
  return addresses.map(displayAddress).join(', ');
}

function displayAddress(address: MailAddress): string {
  if (!address.Name) return address.Address;
  return address.Address ? `${address.Name} <${address.Address}>` : address.Name;
}

/** Rendered in UTC on the server; the page script re-renders it in the viewer's local time. */
function timeTag(date: Date): string {
  const iso = date.toISOString();
  return `<time datetime="${iso}">${iso.slice(0, 19).replace('T', ' ')} UTC</time>`;
}

function headerTable(headers: Record<string, string[]>): string {
  const rows = Object.entries(headers).flatMap(([name, values]) =>
    values.map((value) => `<tr><th>${escapeHtml(name)}</th><td>${escapeHtml(value)}</td></tr>`),
  );
  return `<table class="headers">${rows.join('')}</table>`;
}

function attachmentList(attachments: AttachmentInfo[]): string {
  if (attachments.length === 0) return '';
  const items = attachments.map(
    (part) =>
      `<li>${escapeHtml(part.FileName || '(unnamed)')} <small>${escapeHtml(part.ContentType)}, ${formatBytes(part.Size)}</small></li>`,
  );
  return `<ul class="attachments">${items.join('')}</ul>`;
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} kB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
