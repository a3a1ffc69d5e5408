'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { problemToFormState, textField, type FormState } from '../../../lib/form-state';
import { clientContextFrom, gateway } from '../../../lib/gateway';
import { withNext } from '../../../lib/redirect-target';
import { getI18n } from '../../../i18n/server';

// Server Actions only run on same-origin POSTs (Next.js compares Origin with Host), which is the CSRF
// protection for our cookie sessions.

const FIELDS = ['displayName', 'email', 'password'] as const;
export type SignupField = (typeof FIELDS)[number];
export type SignupState = FormState<SignupField>;

export async function signUp(_previous: SignupState, formData: FormData): Promise<SignupState> {
  const { m } = await getI18n();
  const required: Record<SignupField, string> = {
    displayName: m.auth.enterName,
    email: m.auth.enterEmail,
    password: m.auth.choosePassword,
  };
  const displayName = textField(formData, 'displayName').trim();
  const email = textField(formData, 'email').trim();
  const password = textField(formData, 'password');
  const values = { displayName, email };

  const missing = FIELDS.filter((field) => ({ displayName, email, password })[field] === '');
  if (missing.length > 0) {
    const fieldErrors = Object.fromEntries(missing.map((field) => [field, required[field]]));
    return { formError: null, fieldErrors, values };
  }

  const result = await gateway.register({ email, password, displayName }, clientContextFrom(await headers()));
  if (!result.ok) {
    if (result.problem.status === 409) {
      return { formError: null, fieldErrors: { email: m.auth.signup.emailTaken }, values };
    }
    return problemToFormState(result.problem, FIELDS, values, m.common);
  }
  // `next` goes on to the check-email page's sign-in link; withNext drops anything but a path on this site.
  redirect(withNext(`/check-email?email=${encodeURIComponent(email)}`, textField(formData, 'next')));
}
