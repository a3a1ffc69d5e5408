'use server';

import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getI18n } from '../../../../i18n/server';
import { generalMessage, textField } from '../../../../lib/form-state';
import { clientContextFrom, gateway, type JoinedProject } from '../../../../lib/gateway';
import { signinPath } from '../../../../lib/redirect-target';
import { ACCESS_COOKIE } from '../../../../lib/session';
import { acceptInvitationPath } from './paths';

// Server Actions only run on same-origin POSTs (Next.js compares Origin with Host): another site cannot
// make a signed-in user join a project. Accepting is a POST for that reason; opening the link never
// joins anything by itself.

export type AcceptInvitationState =
  | { readonly status: 'ready'; readonly error: string | null }
  | { readonly status: 'joined'; readonly project: Pick<JoinedProject, 'id' | 'name' | 'key' | 'role'> }
  | { readonly status: 'invalid' };

/** Statuses meaning the invitation itself cannot be used, rather than a passing failure. */
const UNUSABLE = new Set([400, 404]);

export async function acceptInvitation(_previous: AcceptInvitationState, formData: FormData): Promise<AcceptInvitationState> {
  const token = textField(formData, 'token');
  if (token === '') return { status: 'invalid' };
  // The proxy has renewed the access cookie if it could; without one the session is over.
  const accessToken = (await cookies()).get(ACCESS_COOKIE)?.value;
  if (!accessToken) redirect(signinPath(acceptInvitationPath(token)));

  const result = await gateway.acceptInvitation(token, accessToken, clientContextFrom(await headers()));
  if (result.ok) {
    const { id, name, key, role } = result.data;
    return { status: 'joined', project: { id, name, key, role } };
  }
  const { problem } = result;
  if (problem.status === 401) redirect(signinPath(acceptInvitationPath(token)));
  if (UNUSABLE.has(problem.status)) return { status: 'invalid' };
  const { m } = await getI18n();
  return { status: 'ready', error: `${m.auth.invitation.couldNotAccept} ${generalMessage(problem, m.common)}` };
}
