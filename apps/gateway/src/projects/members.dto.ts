import type { projectV1 } from '@msp/contracts';
import { z } from 'zod';
import { isoOf, knownValueOf, timestamp, wholeListOf } from '../http/common.dto.js';
import { PROJECT_ROLES } from './projects.dto.js';

export const memberParams = z.strictObject({ projectId: z.uuid(), userId: z.uuid() });
export type MemberParams = z.output<typeof memberParams>;

export const updateMemberBody = z.strictObject({
  role: z.enum(PROJECT_ROLES).describe('Making someone owner shares ownership; the last owner cannot step down'),
});
export type UpdateMemberBody = z.output<typeof updateMemberBody>;

export const memberResponse = z.object({
  userId: z.uuid(),
  displayName: z.string(),
  email: z.email(),
  role: z.enum(PROJECT_ROLES),
  joinedAt: timestamp,
});
export type MemberResponse = z.output<typeof memberResponse>;

export const memberList = z.object({
  items: z.array(memberResponse),
  nextCursor: z.null().describe('Always null: the members of a project come in one page'),
});
export type MemberList = z.output<typeof memberList>;

export function toMember(member: projectV1.Member | undefined): MemberResponse {
  if (!member) throw new Error('project service answered without the member');
  return {
    userId: member.userId,
    displayName: member.displayName,
    email: member.email,
    role: knownValueOf(PROJECT_ROLES, member.role, 'member role'),
    joinedAt: isoOf(member.joinedAt, 'member.joinedAt'),
  };
}

export function toMemberList(response: projectV1.ListMembersResponse): MemberList {
  return wholeListOf(response.items.map(toMember));
}
