'use server';

import { refresh } from 'next/cache';
import { getI18n } from '../../../../i18n/server';
import type { Messages } from '../../../../i18n/messages';
import type { ActionState } from '../../../../lib/action-state';
import { requireAdmin } from '../../../../lib/admin-guard';
import { PLATFORM_ROLES, adminApi, type PlatformRole } from '../../../../lib/api/admin';
import { redirectIfSignedOut } from '../../../../lib/caller';
import { generalMessage, textField } from '../../../../lib/form-state';
import type { GatewayResult } from '../../../../lib/gateway-core';

function outcome(result: GatewayResult<unknown>, done: string, m: Messages): ActionState {
  if (result.ok) {
    refresh();
    return { error: null, done };
  }
  redirectIfSignedOut(result.problem);
  if (result.problem.code === 'CANNOT_CHANGE_OWN_ACCOUNT') return { error: m.admin.user.ownAccount, done: null };
  return { error: generalMessage(result.problem, m.common), done: null };
}

/** Suspends (`suspend=true`) or lifts the suspension: one action, so the button keeps its message when its label flips. */
export async function setSuspended(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const caller = await requireAdmin();
  const { m } = await getI18n();
  const userId = textField(formData, 'userId');
  if (textField(formData, 'suspend') === 'true') return outcome(await adminApi.suspend(caller, userId), m.admin.user.suspended, m);
  return outcome(await adminApi.unsuspend(caller, userId), m.admin.user.unsuspended, m);
}

export async function forceLogout(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const caller = await requireAdmin();
  const { m } = await getI18n();
  return outcome(await adminApi.forceLogout(caller, textField(formData, 'userId')), m.admin.user.loggedOut, m);
}

export async function saveRoles(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const caller = await requireAdmin();
  const { m } = await getI18n();
  const roles = PLATFORM_ROLES.filter((role: PlatformRole) => formData.get(`role.${role}`) === 'on');
  return outcome(await adminApi.setRoles(caller, textField(formData, 'userId'), roles), m.admin.user.rolesSaved, m);
}
