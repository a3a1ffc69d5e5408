import type { Metadata } from 'next';
import { getI18n } from '../../../i18n/server';
import { InvalidResetLink } from './invalid-link';
import { ResetPasswordForm } from './reset-password-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getI18n()).m.auth.forgot.metaTitle };
}

interface ResetPasswordPageProps {
  readonly searchParams: Promise<Record<string, string | string[] | undefined>>;
}

// The link in the password reset email lands here. Unlike /verify-email, the render does not spend the
// token (it is single use and needs the new password); the gateway checks it when the form is submitted.
export default async function ResetPasswordPage({ searchParams }: ResetPasswordPageProps) {
  const { token } = await searchParams;
  const { m } = await getI18n();
  if (typeof token !== 'string' || token === '') return <InvalidResetLink m={m.auth} />;
  return <ResetPasswordForm token={token} m={m.auth} />;
}
