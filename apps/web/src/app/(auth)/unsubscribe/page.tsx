import type { Metadata } from 'next';
import { InvalidUnsubscribeLink } from './invalid-unsubscribe-link';
import { UnsubscribeForm } from './unsubscribe-form';

export const metadata: Metadata = { title: 'Unsubscribe' };

interface UnsubscribePageProps {
  readonly searchParams: Promise<Record<string, string | string[] | undefined>>;
}

// The unsubscribe link in an email's footer lands here. Opening it changes nothing: the visitor confirms
// with a button (a Server Action), and the gateway checks the token then. No sign-in is needed.
export default async function UnsubscribePage({ searchParams }: UnsubscribePageProps) {
  const { token } = await searchParams;
  if (typeof token !== 'string' || token === '') return <InvalidUnsubscribeLink />;
  return <UnsubscribeForm token={token} />;
}
