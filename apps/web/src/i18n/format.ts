// Formatting shared by server and client code. Dates are formatted on the server in the user's own time
// zone and handed to the page as text, so the client never renders them differently (no hydration mismatch).

/** Fills `{name}` placeholders; an unknown placeholder stays visible rather than silently vanishing. */
export function fill(template: string, params: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** `one` for exactly 1, `other` for everything else: enough for English and German. */
export function plural(count: number, forms: { readonly one: string; readonly other: string }): string {
  return fill(count === 1 ? forms.one : forms.other, { count });
}

export interface FormatContext {
  readonly intlLocale: string;
  readonly timeZone: string;
}

export function formatDateTime(iso: string | null | undefined, context: FormatContext): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(context.intlLocale, { dateStyle: 'medium', timeStyle: 'short', timeZone: context.timeZone }).format(date);
}

export function formatDate(iso: string | null | undefined, context: FormatContext): string {
  if (!iso) return '';
  // A bare date (YYYY-MM-DD, a due date) has no time zone: format it as that calendar day.
  const bare = /^\d{4}-\d{2}-\d{2}$/.test(iso);
  const date = new Date(bare ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(context.intlLocale, { dateStyle: 'medium', timeZone: bare ? 'UTC' : context.timeZone }).format(date);
}

export function formatMoney(amount: number, currency: string, intlLocale: string): string {
  try {
    return new Intl.NumberFormat(intlLocale, { style: 'currency', currency: currency.toUpperCase() }).format(amount / 100);
  } catch {
    return `${(amount / 100).toFixed(2)} ${currency.toUpperCase()}`;
  }
}
