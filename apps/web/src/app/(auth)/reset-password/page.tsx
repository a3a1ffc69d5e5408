import type { Metadata } from 'next';
import { InvalidResetLink } from './invalid-link';
import { ResetPasswordForm } from './reset-password-form';

export const metadata: Metadata = { title: 'Reset your password' };

interface ResetPasswordPageProps {
  readonly searchParams: Promise<Record<string, string | string[] | undefined>>;
}

// The link in the password reset email lands here. Unlike /verify-email, the render does not spend the
// token (it is single use and needs the new password); the gateway checks it when the form is submitted.
export default async function ResetPasswordPage({ searchParams }: ResetPasswordPageProps) {
  const { token } = await searchParams;
  if (typeof token !== 'string' || token === '') return <InvalidResetLink />;
  return <ResetPasswordForm token={token} />;
}
