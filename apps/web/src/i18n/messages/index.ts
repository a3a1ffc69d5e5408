import type { Locale } from '../locales';
import { de } from './de';
import { en } from './en';

/** Every text of the UI, shaped like the English dictionary; other languages must fill every entry. */
type Widen<T> = T extends string ? string : { readonly [K in keyof T]: Widen<T[K]> };
export type Messages = Widen<typeof en>;

const dictionaries: Record<Locale, Messages> = { en, de };

export function messagesFor(locale: Locale): Messages {
  return dictionaries[locale];
}
