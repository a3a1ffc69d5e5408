'use server';

import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { problemToFormState, textField, type FormState } from '../../../lib/form-state';
import { clientContextFrom, gateway, isMfaChallenge, type GatewayProblem } from '../../../lib/gateway';
import { safeNextPath } from '../../../lib/redirect-target';
import { getI18n } from '../../../i18n/server';
import type { Messages } from '../../../i18n/messages';
import { MFA_COOKIE, clearMfaChallenge, secureCookiesFor, writeMfaChallenge, writeSession } from '../../../lib/session';

// Server Actions only run on same-origin POSTs (Next.js compares Origin with Host), which is the CSRF
// protection for our cookie sessions. The MFA challenge token stays server-side in an httpOnly cookie,
// so the page's scripts never hold any token.

const CREDENTIAL_FIELDS = ['email', 'password'] as const;
const CODE_FIELDS = ['code'] as const;
export type SigninField = (typeof CREDENTIAL_FIELDS)[number] | (typeof CODE_FIELDS)[number];

export interface SigninState extends FormState<SigninField> {
  readonly step: 'credentials' | 'mfa';
}

export async function signIn(_previous: SigninState, formData: FormData): Promise<SigninState> {
  const next = safeNextPath(textField(formData, 'next'));
  return textField(formData, 'step') === 'mfa' ? verifyCode(formData, next) : checkPassword(formData, next);
}

function credentialsProblem(problem: GatewayProblem, email: string, m: Messages): SigninState {
  if (problem.status === 401) {
    // Same words whether or not the account exists, like the gateway's answer.
    return { step: 'credentials', formError: m.auth.signin.wrongCredentials, fieldErrors: {}, values: { email } };
  }
  if (problem.status === 403 && problem.code === 'ACCOUNT_SUSPENDED') {
    return { step: 'credentials', formError: m.auth.signin.suspended, fieldErrors: {}, values: { email } };
  }
  return { step: 'credentials', ...problemToFormState(problem, CREDENTIAL_FIELDS, { email }, m.common) };
}

async function checkPassword(formData: FormData, next: string): Promise<SigninState> {
  const { m } = await getI18n();
  const email = textField(formData, 'email').trim();
  const password = textField(formData, 'password');
  if (email === '' || password === '') {
    const fieldErrors = {
      ...(email === '' && { email: m.auth.enterEmail }),
      ...(password === '' && { password: m.auth.enterPassword }),
    };
    return { step: 'credentials', formError: null, fieldErrors, values: { email } };
  }

  const requestHeaders = await headers();
  const result = await gateway.login({ email, password }, clientContextFrom(requestHeaders));
  if (!result.ok) return credentialsProblem(result.problem, email, m);

  const cookieStore = await cookies();
  const secure = secureCookiesFor(requestHeaders);
  if (isMfaChallenge(result.data)) {
    writeMfaChallenge(cookieStore, result.data.mfaToken, secure);
    return { step: 'mfa', formError: null, fieldErrors: {}, values: { email } };
  }
  writeSession(cookieStore, result.data, secure);
  redirect(next);
}

async function verifyCode(formData: FormData, next: string): Promise<SigninState> {
  const { m } = await getI18n();
  const code = textField(formData, 'code').replace(/\s+/g, '');
  const email = textField(formData, 'email');
  const cookieStore = await cookies();
  const mfaToken = cookieStore.get(MFA_COOKIE)?.value;
  if (!mfaToken) {
    return { step: 'credentials', formError: m.auth.signin.expired, fieldErrors: {}, values: { email } };
  }
  if (code === '') {
    return { step: 'mfa', formError: null, fieldErrors: { code: m.auth.signin.enterCode }, values: { email } };
  }

  const requestHeaders = await headers();
  const result = await gateway.verifyMfa({ mfaToken, code }, clientContextFrom(requestHeaders));
  if (!result.ok) {
    if (result.problem.status === 401) {
      return { step: 'mfa', formError: null, fieldErrors: { code: m.auth.signin.invalidCode }, values: { email } };
    }
    if (result.problem.status === 403 && result.problem.code === 'ACCOUNT_SUSPENDED') {
      return { step: 'credentials', formError: m.auth.signin.suspended, fieldErrors: {}, values: { email } };
    }
    return { step: 'mfa', ...problemToFormState(result.problem, CODE_FIELDS, {}, m.common), values: { email } };
  }
  const secure = secureCookiesFor(requestHeaders);
  clearMfaChallenge(cookieStore, secure);
  writeSession(cookieStore, result.data, secure);
  redirect(next);
}
