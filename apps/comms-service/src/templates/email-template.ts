export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

export type SupportedLocale = 'en' | 'de';

/** The recipient's language if we have its texts, else English. `de-AT` is German. */
export function supportedLocale(locale: string): SupportedLocale {
  return locale.toLowerCase().startsWith('de') ? 'de' : 'en';
}

const htmlEscapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Everything user-supplied (names, links) passes through here before it enters HTML. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => htmlEscapes[char] ?? char);
}

/** A simple, robust layout most mail clients render the same: one column, inline styles. */
export function layout(title: string, bodyHtml: string): string {
  return `<!doctype html>
<html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(title)}</title></head>
<body style="margin:0;padding:24px;background:#f4f5f7;font-family:-apple-system,Segoe UI,Roboto,Helvetica,Arial,sans-serif;color:#1f2328">
<div style="max-width:520px;margin:0 auto;background:#fff;border-radius:8px;padding:32px">
<p style="margin:0 0 24px;font-weight:600;color:#4f46e5">Mega Solution Platform</p>
${bodyHtml}
</div></body></html>`;
}

export function button(href: string, label: string): string {
  return `<p style="margin:24px 0"><a href="${escapeHtml(href)}" style="background:#4f46e5;color:#fff;padding:12px 20px;border-radius:6px;text-decoration:none;display:inline-block">${escapeHtml(label)}</a></p>`;
}
