import type { Metadata } from 'next';
import { config } from '../../../config';
import { getI18n } from '../../../i18n/server';
import { ForgotPasswordForm } from './forgot-password-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getI18n()).m.auth.forgot.metaTitle };
}

// Linked from the sign-in page and from the "new sign-in" email.
export default async function ForgotPasswordPage() {
  const { m } = await getI18n();
  return <ForgotPasswordForm devInboxUrl={config.devInboxUrl} m={m.auth} />;
}
