import type { Metadata } from 'next';
import { getI18n } from '../../../i18n/server';
import { InvalidUnsubscribeLink } from './invalid-unsubscribe-link';
import { UnsubscribeForm } from './unsubscribe-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getI18n()).m.auth.unsubscribe.metaTitle };
}

interface UnsubscribePageProps {
  readonly searchParams: Promise<Record<string, string | string[] | undefined>>;
}

// The unsubscribe link in an email's footer lands here. Opening it changes nothing: the visitor confirms
// with a button (a Server Action), and the gateway checks the token then. No sign-in is needed.
export default async function UnsubscribePage({ searchParams }: UnsubscribePageProps) {
  const { token } = await searchParams;
  const { m } = await getI18n();
  if (typeof token !== 'string' || token === '') return <InvalidUnsubscribeLink m={m.auth} />;
  return <UnsubscribeForm token={token} m={m.auth} categories={m.account.categories} goHome={m.common.goHome} />;
}
