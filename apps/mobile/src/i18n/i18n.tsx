import { getLocales } from 'expo-localization';
import { useCallback, useMemo } from 'react';

import { useSettings } from '../settings/settings-provider';
import { de } from './messages.de';
import { en, type MessageKey } from './messages.en';

export type Language = 'en' | 'de';
export type { MessageKey };

const catalogs: Record<Language, Record<MessageKey, string>> = { en, de };

/** The device's first preferred language when the app has it; English otherwise. */
export function deviceLanguage(): Language {
  const code = getLocales()[0]?.languageCode;
  return code === 'de' ? 'de' : 'en';
}

/** Replaces `{name}` placeholders; a missing value leaves the placeholder visible, which a test catches. */
export function format(template: string, values: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

export interface I18n {
  language: Language;
  t: Translate;
  /** A timestamp from the API (ISO 8601, UTC) in the user's language and time zone. */
  formatDateTime(iso: string): string;
}

export function useI18n(): I18n {
  const preference = useSettings().settings.language;
  const language = preference === 'system' ? deviceLanguage() : preference;
  const t = useCallback<Translate>((key, values) => format(catalogs[language][key], values), [language]);
  return useMemo(() => {
    // The device's regional format (e.g. en-GB dates) when it speaks the app's language.
    const device = getLocales()[0];
    const tag = device?.languageCode === language ? device.languageTag : language === 'de' ? 'de-DE' : 'en-US';
    const dateTime = new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short' });
    return {
      language,
      t,
      formatDateTime: (iso) => {
        const date = new Date(iso);
        return Number.isNaN(date.getTime()) ? iso : dateTime.format(date);
      },
    };
  }, [language, t]);
}

/** Just the translate function, for components that format nothing else. */
export function useT(): Translate {
  return useI18n().t;
}
