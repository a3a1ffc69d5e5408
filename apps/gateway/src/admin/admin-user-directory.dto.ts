import type { authV1, projectV1, userV1 } from '@msp/contracts';
import { RemoteCallError } from '@msp/platform';
import { z } from 'zod';
import { emptyToNull, isoOf, knownValueOf, pageOf, pageQuery, timestamp } from '../http/common.dto.js';
import { PLATFORM_ROLES } from './admin-users.dto.js';

/** An account's status, or `deleted`: the user directory keeps an anonymised entry of a deleted account. */
const USER_STATUSES = ['active', 'suspended', 'deleted'] as const;
const GRPC_NOT_FOUND = 5;

export const listUsersQuery = pageQuery.extend({
  q: z.string().trim().max(200).optional().describe('Part of the email or display name, in any case'),
  status: z.enum(USER_STATUSES).optional(),
  role: z.enum(PLATFORM_ROLES).optional(),
});
export type ListUsersQuery = z.output<typeof listUsersQuery>;

export const adminUserSummary = z.object({
  id: z.uuid(),
  // Not `z.email()`: a deleted account's entry keeps an anonymised placeholder.
  email: z.string(),
  displayName: z.string(),
  roles: z.array(z.string()),
  status: z.enum(USER_STATUSES),
  emailVerified: z.boolean(),
  createdAt: timestamp,
});
export type AdminUserSummary = z.output<typeof adminUserSummary>;

export const adminUserPage = pageOf(adminUserSummary);
export type AdminUserPage = z.output<typeof adminUserPage>;

export const adminUserDetail = adminUserSummary.extend({
  mfaEnabled: z.boolean(),
  locale: z.string().nullable().describe('null when the profile is gone with a deleted account'),
  timezone: z.string().nullable(),
  avatarUrl: z.string().nullable(),
  sessionsCount: z.number().int().describe('Live sessions; 0 for a deleted account'),
  projectsCount: z.number().int(),
});
export type AdminUserDetail = z.output<typeof adminUserDetail>;

/** proto3 strings: "" means "no filter" and "first page". */
export function toListUsersRequest(query: ListUsersQuery): userV1.ListUsersRequest {
  return {
    q: query.q ?? '',
    status: query.status ?? '',
    role: query.role ?? '',
    limit: query.limit,
    cursor: query.cursor ?? '',
  };
}

export function toAdminUserPage(response: userV1.ListUsersResponse): AdminUserPage {
  return { items: response.items.map(toAdminUserSummary), nextCursor: emptyToNull(response.nextCursor) };
}

function toAdminUserSummary(user: userV1.UserSummary): AdminUserSummary {
  return {
    id: user.userId,
    email: user.email,
    displayName: user.displayName,
    roles: user.roles,
    status: knownValueOf(USER_STATUSES, user.status, 'user status'),
    emailVerified: user.emailVerified,
    createdAt: isoOf(user.createdAt, 'user.createdAt'),
  };
}

/**
 * The directory entry with the live facts of auth (status, roles, sessions) and project (memberships).
 * The directory's copy of account facts follows auth by events, so auth's answer wins when there is one.
 */
export function toAdminUserDetail(
  user: userV1.GetUserResponse,
  account: authV1.GetAccountDetailsResponse | undefined,
  stats: projectV1.GetUserStatsResponse,
): AdminUserDetail {
  if (!user.user) throw new Error('user service answered without the user');
  const summary = toAdminUserSummary(user.user);
  const live = account?.account;
  return {
    ...summary,
    email: live?.email ?? summary.email,
    roles: live?.roles ?? summary.roles,
    status: live ? knownValueOf(USER_STATUSES, live.status, 'account status') : summary.status,
    emailVerified: live?.emailVerified ?? summary.emailVerified,
    mfaEnabled: live?.mfaEnabled ?? false,
    locale: user.profile ? user.profile.locale : null,
    timezone: user.profile ? user.profile.timezone : null,
    avatarUrl: user.profile ? emptyToNull(user.profile.avatarUrl) : null,
    sessionsCount: account?.sessionsCount ?? 0,
    projectsCount: stats.projectsCount,
  };
}

/** A deleted account is gone from auth while the directory still lists it: that is no error here. */
export async function unlessAccountGone<T>(call: Promise<T>): Promise<T | undefined> {
  try {
    return await call;
  } catch (error) {
    if (error instanceof RemoteCallError && error.status === GRPC_NOT_FOUND) return undefined;
    throw error;
  }
}
