'use server';

import { refresh } from 'next/cache';
import { redirect } from 'next/navigation';
import { fill } from '../../../../../i18n/format';
import { getI18n } from '../../../../../i18n/server';
import type { Messages } from '../../../../../i18n/messages';
import { projectsApi, type ProjectRole } from '../../../../../lib/api/projects';
import type { ActionState } from '../../../../../lib/action-state';
import { redirectIfSignedOut, requireCaller } from '../../../../../lib/caller';
import { generalMessage, problemToFormState, textField, type FormState } from '../../../../../lib/form-state';
import type { GatewayProblem } from '../../../../../lib/gateway-core';
import { keyAfter } from '../../../../../lib/idempotency';

const ROLES: readonly ProjectRole[] = ['owner', 'admin', 'member', 'viewer'];
const INVITE_ROLES = ['admin', 'member', 'viewer'] as const;

function memberProblem(problem: GatewayProblem, m: Messages): string {
  redirectIfSignedOut(problem);
  return problem.code === 'LAST_OWNER' ? m.workspace.members.lastOwner : generalMessage(problem, m.common);
}

export async function changeRole(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const { m } = await getI18n();
  const role = textField(formData, 'role') as ProjectRole;
  if (!ROLES.includes(role)) return { error: m.common.unknown, done: null };
  const result = await projectsApi.changeRole(await requireCaller(), textField(formData, 'projectId'), textField(formData, 'userId'), role);
  if (!result.ok) return { error: memberProblem(result.problem, m), done: null };
  refresh();
  return { error: null, done: fill(m.workspace.members.roleChanged, { name: result.data.displayName, role: m.workspace.role[role] }) };
}

export async function removeMember(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const { m } = await getI18n();
  const projectId = textField(formData, 'projectId');
  const result = await projectsApi.removeMember(await requireCaller(), projectId, textField(formData, 'userId'));
  if (!result.ok) return { error: memberProblem(result.problem, m), done: null };
  // Leaving a project takes the caller out of it: back to the list.
  if (textField(formData, 'self') === 'true') redirect('/projects');
  refresh();
  return { error: null, done: fill(m.workspace.members.removed, { name: textField(formData, 'name') }) };
}

export async function revokeInvitation(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const { m } = await getI18n();
  const result = await projectsApi.revokeInvitation(
    await requireCaller(),
    textField(formData, 'projectId'),
    textField(formData, 'invitationId'),
  );
  if (!result.ok) return { error: memberProblem(result.problem, m), done: null };
  refresh();
  return { error: null, done: fill(m.workspace.members.revoked, { email: textField(formData, 'email') }) };
}

const INVITE_FIELDS = ['email', 'role'] as const;
export interface InviteState extends FormState<(typeof INVITE_FIELDS)[number]> {
  readonly idempotencyKey: string;
  readonly sent: string | null;
}

export async function invite(previous: InviteState, formData: FormData): Promise<InviteState> {
  const { m } = await getI18n();
  const email = textField(formData, 'email').trim();
  const role = textField(formData, 'role');
  const values = { email, role };
  if (email === '') return { ...previous, sent: null, formError: null, fieldErrors: { email: m.auth.enterEmail }, values };
  if (!(INVITE_ROLES as readonly string[]).includes(role))
    return { ...previous, sent: null, formError: null, fieldErrors: { role: m.common.unknown }, values };

  const key = textField(formData, 'idempotencyKey') || previous.idempotencyKey;
  const result = await projectsApi.invite(
    await requireCaller(),
    textField(formData, 'projectId'),
    { email, role: role as (typeof INVITE_ROLES)[number] },
    key,
  );
  if (!result.ok) {
    redirectIfSignedOut(result.problem);
    const next = keyAfter(result, key);
    if (result.problem.code === 'ALREADY_MEMBER') {
      return { idempotencyKey: next, sent: null, formError: null, fieldErrors: { email: m.workspace.members.alreadyMember }, values };
    }
    return { idempotencyKey: next, sent: null, ...problemToFormState(result.problem, INVITE_FIELDS, values, m.common) };
  }
  refresh();
  return {
    idempotencyKey: keyAfter(result, key),
    sent: fill(m.workspace.members.sent, { email }),
    formError: null,
    fieldErrors: {},
    values: { role },
  };
}
