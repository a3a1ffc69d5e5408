'use server';

import { headers } from 'next/headers';
import { problemToFormState, textField, type FormState } from '../../../lib/form-state';
import { clientContextFrom, gateway } from '../../../lib/gateway';
import { getI18n } from '../../../i18n/server';

// Server Actions only run on same-origin POSTs (Next.js compares Origin with Host), which is the CSRF
// protection for our cookie sessions.

const FIELDS = ['email'] as const;
export type ForgotPasswordField = (typeof FIELDS)[number];

export interface ForgotPasswordState extends FormState<ForgotPasswordField> {
  /** The gateway took the request. Says nothing about whether the address has an account (nor does the gateway). */
  readonly sent: boolean;
}

export async function requestPasswordReset(_previous: ForgotPasswordState, formData: FormData): Promise<ForgotPasswordState> {
  const { m } = await getI18n();
  const email = textField(formData, 'email').trim();
  if (email === '') {
    return { sent: false, formError: null, fieldErrors: { email: m.auth.enterEmail }, values: { email } };
  }

  const result = await gateway.forgotPassword({ email }, clientContextFrom(await headers()));
  // Only problems with the request itself (a malformed address, throttling, an outage) are shown; an
  // unknown address is answered like a known one.
  if (!result.ok) return { sent: false, ...problemToFormState(result.problem, FIELDS, { email }, m.common) };
  return { sent: true, formError: null, fieldErrors: {}, values: { email } };
}
