// The UI speaks English and German. The signed-in user's profile locale decides; a visitor without one
// (or with a locale we do not speak) gets the best match from the browser's Accept-Language.

export const LOCALES = ['en', 'de'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

/** The UI language of a BCP 47 tag (`de-AT` → `de`), or null when we do not speak it. */
export function supportedLocale(tag: string | null | undefined): Locale | null {
  if (!tag) return null;
  const language = tag.trim().toLowerCase().split(/[-_]/)[0];
  return LOCALES.find((locale) => locale === language) ?? null;
}

/** The best supported language of an Accept-Language header, by its q-values. */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale | null {
  if (!header) return null;
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((param) => param.trim()).find((param) => param.startsWith('q='));
      const quality = q ? Number(q.slice(2)) : 1;
      return { tag, quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((entry) => entry.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  for (const entry of ranked) {
    const locale = supportedLocale(entry.tag);
    if (locale) return locale;
  }
  return null;
}

export function negotiateLocale(profileLocale: string | null | undefined, acceptLanguage: string | null | undefined): Locale {
  return supportedLocale(profileLocale) ?? localeFromAcceptLanguage(acceptLanguage) ?? DEFAULT_LOCALE;
}

/** A locale Intl can format with: the profile's own tag (e.g. `de-CH`) when it is valid and matches the UI. */
export function intlLocaleFor(locale: Locale, profileLocale: string | null | undefined): string {
  if (profileLocale && supportedLocale(profileLocale) === locale) {
    try {
      return Intl.getCanonicalLocales(profileLocale)[0] ?? locale;
    } catch {
      return locale;
    }
  }
  return locale;
}

export function validTimeZone(timeZone: string | null | undefined): string {
  if (!timeZone) return 'UTC';
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return timeZone;
  } catch {
    return 'UTC';
  }
}
