import 'server-only';
import { headers } from 'next/headers';
import { cache } from 'react';
import { getCurrentUser } from '../lib/current-user';
import type { FormatContext } from './format';
import { intlLocaleFor, negotiateLocale, validTimeZone, type Locale } from './locales';
import { messagesFor, type Messages } from './messages';

export interface I18n extends FormatContext {
  readonly locale: Locale;
  readonly m: Messages;
}

/**
 * The language and formats of this request: the signed-in user's profile locale and time zone, else the
 * browser's Accept-Language and UTC. Shares the per-request `me` with the header and the page.
 */
export const getI18n = cache(async (): Promise<I18n> => {
  const user = await getCurrentUser();
  const profile = user.status === 'signed-in' ? user.me : null;
  const locale = negotiateLocale(profile?.locale, (await headers()).get('accept-language'));
  return {
    locale,
    m: messagesFor(locale),
    intlLocale: intlLocaleFor(locale, profile?.locale),
    timeZone: validTimeZone(profile?.timezone),
  };
});
