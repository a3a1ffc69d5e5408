'use server';

import QRCode from 'qrcode';
import { refresh } from 'next/cache';
import { redirect } from 'next/navigation';
import { getI18n } from '../../../../i18n/server';
import type { Messages } from '../../../../i18n/messages';
import { accountApi } from '../../../../lib/api/account';
import type { ActionState } from '../../../../lib/action-state';
import { SESSION_ENDED_PATH, redirectIfSignedOut, requireCaller } from '../../../../lib/caller';
import { generalMessage, problemToFormState, textField, type FormState } from '../../../../lib/form-state';
import type { GatewayProblem } from '../../../../lib/gateway-core';

const PASSWORD_FIELDS = ['currentPassword', 'newPassword'] as const;
export interface PasswordState extends FormState<(typeof PASSWORD_FIELDS)[number]> {
  readonly changed: boolean;
}

export async function changePassword(_previous: PasswordState, formData: FormData): Promise<PasswordState> {
  const { m } = await getI18n();
  const t = m.account.security;
  const currentPassword = textField(formData, 'currentPassword');
  const newPassword = textField(formData, 'newPassword');
  const fieldErrors = {
    ...(currentPassword === '' && { currentPassword: t.enterCurrent }),
    ...(newPassword === '' && { newPassword: t.enterNew }),
  };
  if (Object.keys(fieldErrors).length > 0) return { changed: false, formError: null, fieldErrors, values: {} };
  const result = await accountApi.changePassword(await requireCaller(), { currentPassword, newPassword });
  if (!result.ok) {
    redirectIfSignedOut(result.problem);
    if (result.problem.code === 'INVALID_CREDENTIALS')
      return { changed: false, formError: null, fieldErrors: { currentPassword: t.wrongCurrent }, values: {} };
    return { changed: false, ...problemToFormState(result.problem, PASSWORD_FIELDS, {}, m.common) };
  }
  return { changed: true, formError: null, fieldErrors: {}, values: {} };
}

/** The two-factor setup: nothing yet, scanning the QR code, or showing the recovery codes once. */
export type TotpState =
  | { readonly step: 'idle'; readonly error: string | null }
  | {
      readonly step: 'scan';
      readonly secret: string;
      readonly qr: string;
      readonly error: string | null;
      readonly codeError: string | null;
    }
  | { readonly step: 'codes'; readonly recoveryCodes: readonly string[] };

function codeProblem(problem: GatewayProblem, m: Messages): string {
  redirectIfSignedOut(problem);
  return problem.code === 'INVALID_MFA_CODE' ? m.account.security.invalidCode : generalMessage(problem, m.common);
}

export async function totpStep(previous: TotpState, formData: FormData): Promise<TotpState> {
  const { m } = await getI18n();
  const caller = await requireCaller();
  const intent = textField(formData, 'intent');

  if (intent === 'done') {
    refresh();
    return { step: 'idle', error: null };
  }
  if (intent === 'confirm' && previous.step === 'scan') {
    const code = textField(formData, 'code').replace(/\s+/g, '');
    if (code === '') return { ...previous, error: null, codeError: m.account.security.enterCode };
    const result = await accountApi.confirmTotp(caller, code);
    if (!result.ok) return { ...previous, error: null, codeError: codeProblem(result.problem, m) };
    return { step: 'codes', recoveryCodes: result.data.recoveryCodes };
  }

  const result = await accountApi.enrollTotp(caller);
  if (!result.ok) {
    redirectIfSignedOut(result.problem);
    return { step: 'idle', error: generalMessage(result.problem, m.common) };
  }
  // The QR code is drawn here, on our server: the secret never goes to a third-party QR service.
  const qr = await QRCode.toDataURL(result.data.otpauthUrl, { margin: 1, width: 192, errorCorrectionLevel: 'M' });
  return { step: 'scan', secret: result.data.secret, qr, error: null, codeError: null };
}

export interface DisableTotpState {
  readonly codeError: string | null;
}

export async function disableTotp(_previous: DisableTotpState, formData: FormData): Promise<DisableTotpState> {
  const { m } = await getI18n();
  const code = textField(formData, 'code').replace(/\s+/g, '');
  if (code === '') return { codeError: m.account.security.enterCode };
  const result = await accountApi.disableTotp(await requireCaller(), code);
  if (!result.ok) return { codeError: codeProblem(result.problem, m) };
  refresh();
  return { codeError: null };
}

export async function revokeSession(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const { m } = await getI18n();
  const result = await accountApi.revokeSession(await requireCaller(), textField(formData, 'sessionId'));
  if (!result.ok) {
    redirectIfSignedOut(result.problem);
    return { error: generalMessage(result.problem, m.common), done: null };
  }
  // Ending this browser's own session signs it out.
  if (textField(formData, 'current') === 'true') redirect(SESSION_ENDED_PATH);
  refresh();
  return { error: null, done: m.account.security.revoked };
}

export async function revokeOtherSessions(_previous: ActionState): Promise<ActionState> {
  const { m } = await getI18n();
  const result = await accountApi.revokeOtherSessions(await requireCaller());
  if (!result.ok) {
    redirectIfSignedOut(result.problem);
    return { error: generalMessage(result.problem, m.common), done: null };
  }
  refresh();
  return { error: null, done: m.account.security.othersRevoked };
}
