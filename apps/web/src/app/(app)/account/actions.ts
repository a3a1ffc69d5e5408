'use server';

import { refresh } from 'next/cache';
import { getI18n } from '../../../i18n/server';
import { LOCALES } from '../../../i18n/locales';
import { accountApi, type NotificationPreferences } from '../../../lib/api/account';
import { redirectIfSignedOut, requireCaller } from '../../../lib/caller';
import { generalMessage, problemToFormState, textField, type FormState } from '../../../lib/form-state';

const PROFILE_FIELDS = ['displayName', 'avatarUrl', 'locale', 'timezone'] as const;
export interface ProfileState extends FormState<(typeof PROFILE_FIELDS)[number]> {
  readonly saved: boolean;
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

export async function saveProfile(_previous: ProfileState, formData: FormData): Promise<ProfileState> {
  const { m } = await getI18n();
  const values = Object.fromEntries(PROFILE_FIELDS.map((field) => [field, textField(formData, field).trim()])) as Record<
    (typeof PROFILE_FIELDS)[number],
    string
  >;
  const fieldErrors = {
    ...(values.displayName === '' && { displayName: m.auth.enterName }),
    ...(values.avatarUrl !== '' && !isHttpUrl(values.avatarUrl) && { avatarUrl: m.account.profile.avatarFormat }),
  };
  if (Object.keys(fieldErrors).length > 0) return { saved: false, formError: null, fieldErrors, values };

  const result = await accountApi.update(await requireCaller(), {
    displayName: values.displayName,
    avatarUrl: values.avatarUrl === '' ? null : values.avatarUrl,
    ...((LOCALES as readonly string[]).includes(values.locale) && { locale: values.locale }),
    ...(values.timezone && { timezone: values.timezone }),
  });
  if (!result.ok) {
    redirectIfSignedOut(result.problem);
    return { saved: false, ...problemToFormState(result.problem, PROFILE_FIELDS, values, m.common) };
  }
  // The language may have changed: render everything again in it.
  refresh();
  return { saved: true, formError: null, fieldErrors: {}, values: {} };
}

export interface PreferencesState {
  readonly error: string | null;
  readonly saved: boolean;
}

export async function savePreferences(_previous: PreferencesState, formData: FormData): Promise<PreferencesState> {
  const { m } = await getI18n();
  const categories = textField(formData, 'categories').split(',').filter(Boolean);
  const email: NotificationPreferences['email'] = Object.fromEntries(
    categories.map((category) => [category, formData.get(`email.${category}`) === 'on']),
  );
  const result = await accountApi.savePreferences(await requireCaller(), { email });
  if (!result.ok) {
    redirectIfSignedOut(result.problem);
    return { error: generalMessage(result.problem, m.common), saved: false };
  }
  refresh();
  return { error: null, saved: true };
}
