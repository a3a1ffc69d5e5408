'use server';

import { cookies, headers } from 'next/headers';
import { fieldFromPath, problemToFormState, textField, type FormState } from '../../../lib/form-state';
import { clientContextFrom, gateway, type GatewayProblem } from '../../../lib/gateway';
import { clearSession, secureCookiesFor } from '../../../lib/session';
import { getI18n } from '../../../i18n/server';

// Server Actions only run on same-origin POSTs (Next.js compares Origin with Host), which is the CSRF
// protection for our cookie sessions.

const FIELDS = ['newPassword'] as const;
export type ResetPasswordField = (typeof FIELDS)[number];

export interface ResetPasswordState extends FormState<ResetPasswordField> {
  /** `invalid-link`: the token is unknown, used or expired, so no password can be set with it. */
  readonly step: 'form' | 'done' | 'invalid-link';
}

/**
 * The link itself is bad: the auth service's INVALID_TOKEN, or the gateway's validation rejecting the
 * token field (empty or malformed). A weak password is also 400 but names `newPassword`, and keeps the
 * token good: the service consumes it only together with an acceptable password.
 */
function isInvalidLink(problem: GatewayProblem): boolean {
  if (problem.status !== 400) return false;
  if (problem.code === 'INVALID_TOKEN') return true;
  return (problem.errors ?? []).some((error) => fieldFromPath(error.path, ['token']) !== null);
}

export async function resetPassword(_previous: ResetPasswordState, formData: FormData): Promise<ResetPasswordState> {
  const { m } = await getI18n();
  const token = textField(formData, 'token');
  const newPassword = textField(formData, 'newPassword');
  if (token === '') return { step: 'invalid-link', formError: null, fieldErrors: {}, values: {} };
  if (newPassword === '') {
    return { step: 'form', formError: null, fieldErrors: { newPassword: m.auth.reset.chooseNew }, values: {} };
  }

  const requestHeaders = await headers();
  const result = await gateway.resetPassword({ token, newPassword }, clientContextFrom(requestHeaders));
  if (!result.ok) {
    if (isInvalidLink(result.problem)) return { step: 'invalid-link', formError: null, fieldErrors: {}, values: {} };
    return { step: 'form', ...problemToFormState(result.problem, FIELDS, {}, m.common) };
  }
  // The gateway has ended every session of the account, this browser's too: drop its now useless cookies.
  clearSession(await cookies(), secureCookiesFor(requestHeaders));
  return { step: 'done', formError: null, fieldErrors: {}, values: {} };
}
