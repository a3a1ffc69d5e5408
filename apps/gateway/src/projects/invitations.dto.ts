import type { projectV1 } from '@msp/contracts';
import { z } from 'zod';
import { isoOf, knownValueOf, timestamp, wholeListOf } from '../http/common.dto.js';

/** Ownership is never handed out by email: an owner promotes an existing member instead. */
const INVITABLE_ROLES = ['admin', 'member', 'viewer'] as const;

export const invitationParams = z.strictObject({ projectId: z.uuid(), invitationId: z.uuid() });
export type InvitationParams = z.output<typeof invitationParams>;

export const createInvitationBody = z.strictObject({
  email: z.email().max(254),
  role: z.enum(INVITABLE_ROLES),
});
export type CreateInvitationBody = z.output<typeof createInvitationBody>;

export const acceptInvitationBody = z.strictObject({ token: z.string().min(1).max(1024) });
export type AcceptInvitationBody = z.output<typeof acceptInvitationBody>;

export const invitationResponse = z.object({
  id: z.uuid(),
  email: z.email(),
  role: z.enum(INVITABLE_ROLES),
  expiresAt: timestamp,
  createdAt: timestamp,
});
export type InvitationResponse = z.output<typeof invitationResponse>;

export const invitationList = z.object({
  items: z.array(invitationResponse),
  nextCursor: z.null().describe('Always null: the open invitations of a project come in one page'),
});
export type InvitationList = z.output<typeof invitationList>;

export function toInvitation(invitation: projectV1.Invitation | undefined): InvitationResponse {
  if (!invitation) throw new Error('project service answered without the invitation');
  return {
    id: invitation.id,
    email: invitation.email,
    role: knownValueOf(INVITABLE_ROLES, invitation.role, 'invitation role'),
    expiresAt: isoOf(invitation.expiresAt, 'invitation.expiresAt'),
    createdAt: isoOf(invitation.createdAt, 'invitation.createdAt'),
  };
}

export function toInvitationList(response: projectV1.ListInvitationsResponse): InvitationList {
  return wholeListOf(response.items.map(toInvitation));
}
