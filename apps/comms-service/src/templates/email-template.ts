export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

export type SupportedLocale = 'en' | 'de';

/**
 * What kind of email a template sends: the switch a user turns it off with. Security emails protect
 * the account and always go; every other category can be turned off and carries an unsubscribe link.
 * The names are the user service's preference categories.
 */
export type EmailCategory = 'security' | 'projects' | 'tasks' | 'billing';

/** A template's versioned name (`task-assigned.v1`: a changed text is a new version) and category. */
export interface EmailTemplateId {
  name: string;
  category: EmailCategory;
}

/** True for a category a user may turn off: it respects preferences and carries an unsubscribe link. */
export function isOptional(category: EmailCategory): boolean {
  return category !== 'security';
}

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

/**
 * A link into the web app: `path` is appended to WEB_URL's own path, so a web app served under a
 * prefix (https://example.com/app) still gets https://example.com/app/reset-password.
 */
export function webLink(webUrl: string, path: string, params: Record<string, string> = {}): string {
  const url = new URL(webUrl);
  url.pathname = `${url.pathname.replace(/\/+$/, '')}${path}`;
  url.search = '';
  url.hash = '';
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  return url.toString();
}

/**
 * A user-supplied value for one line of the text part: control characters and line breaks would let
 * a user agent or a name forge extra lines (a fake link, a fake signature), and an endless user agent
 * would bury the message, so both are cut.
 */
export function singleLine(value: string, maxLength = 200): string {
  const flat = value.replace(/[\p{Cc}\p{Zl}\p{Zp}]+/gu, ' ').trim();
  return flat.length > maxLength ? `${flat.slice(0, maxLength - 1)}…` : flat;
}

/** A moment in UTC, written the way each language writes dates, so nobody has to guess a time zone. */
export function formatUtc(iso: string, locale: SupportedLocale): string {
  const formatter = new Intl.DateTimeFormat(locale === 'de' ? 'de-DE' : 'en-GB', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'UTC',
  });
  return `${formatter.format(new Date(iso))} UTC`;
}

/**
 * The Intl locale for numbers and dates: the recipient's own (`de-AT`, `en-US`) when it is of a
 * language we write, else that language's default, so formats never disagree with the text around them.
 */
export function intlLocale(locale: string): string {
  const supported = supportedLocale(locale);
  const fallback = supported === 'de' ? 'de-DE' : 'en-GB';
  if (!locale.toLowerCase().startsWith(supported)) return fallback;
  try {
    return Intl.NumberFormat.supportedLocalesOf(locale).length > 0 ? locale : fallback;
  } catch {
    return fallback; // not a well-formed language tag
  }
}

/**
 * An amount in the currency's minor unit (cents), written as the recipient's locale writes money:
 * `€29.00` in English, `29,00 €` in German. The currency's own decimals come from Intl (JPY has none).
 */
export function formatMoney(amountMinor: number, currency: string, locale: string): string {
  const formatter = new Intl.NumberFormat(intlLocale(locale), { style: 'currency', currency: currency.toUpperCase() });
  const decimals = formatter.resolvedOptions().maximumFractionDigits ?? 2;
  return formatter.format(amountMinor / 10 ** decimals);
}

/** The parts of a notification email; every string is plain text and escaped here, not by the caller. */
export interface EmailContent {
  subject: string;
  greeting: string;
  paragraphs: string[];
  /** Facts shown as a small table in HTML and as `label: value` lines in text. */
  details?: Array<[label: string, value: string]>;
  /** Paragraphs after the details, leading up to the action (e.g. "if this wasn't you…"). */
  followUp?: string[];
  action?: { label: string; href: string };
  /** The quieter closing lines: what to do if this was not you, why you got this email. */
  notes?: string[];
  /** Why the recipient gets this kind of email and the link that stops it; last in both parts. */
  unsubscribe?: { reason: string; label: string; href: string };
}

/** Builds both parts from the same content, so the text and HTML versions never say different things. */
export function composeEmail(content: EmailContent): RenderedEmail {
  const details = content.details ?? [];
  const followUp = content.followUp ?? [];
  const notes = content.notes ?? [];
  const text = [
    content.greeting,
    ...content.paragraphs,
    ...(details.length > 0 ? [details.map(([label, value]) => `${label}: ${value}`).join('\n')] : []),
    ...followUp,
    ...(content.action ? [`${content.action.label}: ${content.action.href}`] : []),
    ...notes,
    ...(content.unsubscribe ? [`${content.unsubscribe.reason}\n${content.unsubscribe.label}: ${content.unsubscribe.href}`] : []),
  ].join('\n\n');

  const muted = 'font-size:13px;color:#57606a';
  const detailRows = details
    .map(
      ([label, value]) =>
        `<tr><td style="padding:4px 12px 4px 0;color:#57606a;vertical-align:top">${escapeHtml(label)}</td>` +
        `<td style="padding:4px 0;word-break:break-word">${escapeHtml(value)}</td></tr>`,
    )
    .join('');
  const paragraphs = (texts: string[]) => texts.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`).join('');
  const html = layout(
    content.subject,
    `<p>${escapeHtml(content.greeting)}</p>` +
      paragraphs(content.paragraphs) +
      (detailRows ? `<table style="border-collapse:collapse;margin:16px 0;font-size:14px">${detailRows}</table>` : '') +
      paragraphs(followUp) +
      (content.action
        ? button(content.action.href, content.action.label) +
          `<p style="${muted};word-break:break-all">${escapeHtml(content.action.href)}</p>`
        : '') +
      notes.map((note) => `<p style="${muted}">${escapeHtml(note)}</p>`).join('') +
      (content.unsubscribe
        ? `<hr style="border:none;border-top:1px solid #d0d7de;margin:24px 0 12px">` +
          `<p style="${muted}">${escapeHtml(content.unsubscribe.reason)} ` +
          `<a href="${escapeHtml(content.unsubscribe.href)}" style="color:#57606a">${escapeHtml(content.unsubscribe.label)}</a></p>`
        : ''),
  );
  return { subject: content.subject, text: `${text}\n`, html };
}
