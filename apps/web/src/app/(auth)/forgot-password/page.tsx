import type { Metadata } from 'next';
import { config } from '../../../config';
import { ForgotPasswordForm } from './forgot-password-form';

export const metadata: Metadata = { title: 'Reset your password' };

// Linked from the sign-in page and from the "new sign-in" email.
export default function ForgotPasswordPage() {
  return <ForgotPasswordForm devInboxUrl={config.devInboxUrl} />;
}
