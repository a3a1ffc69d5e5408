'use server';

import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getI18n } from '../../../../i18n/server';
import { accountApi } from '../../../../lib/api/account';
import { redirectIfSignedOut, requireCaller } from '../../../../lib/caller';
import { fieldFromPath, problemToFormState, textField, type FormState } from '../../../../lib/form-state';
import { clearSession, secureCookiesFor } from '../../../../lib/session';

const FIELDS = ['password', 'confirm'] as const;
export type DeleteAccountState = FormState<(typeof FIELDS)[number]>;

export async function deleteAccount(_previous: DeleteAccountState, formData: FormData): Promise<DeleteAccountState> {
  const { m } = await getI18n();
  const t = m.account.data;
  const password = textField(formData, 'password');
  const fieldErrors = {
    ...(password === '' && { password: m.auth.enterPassword }),
    ...(formData.get('confirm') !== 'on' && { confirm: t.mustConfirm }),
  };
  if (Object.keys(fieldErrors).length > 0) return { formError: null, fieldErrors, values: {} };

  const result = await accountApi.deleteAccount(await requireCaller(), password);
  if (!result.ok) {
    redirectIfSignedOut(result.problem);
    // A wrong password is 400 naming the field (API.md); say it plainly.
    const wrong = result.problem.status === 400 && (result.problem.errors ?? []).some((error) => fieldFromPath(error.path, ['password']));
    if (wrong) return { formError: null, fieldErrors: { password: t.wrongPassword }, values: {} };
    return problemToFormState(result.problem, FIELDS, {}, m.common);
  }
  clearSession(await cookies(), secureCookiesFor(await headers()));
  redirect('/signin?reason=account-deleted');
}
