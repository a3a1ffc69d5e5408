import type { authV1 } from '@msp/contracts';
import { z } from 'zod';
import { isoOf, timestamp } from '../http/common.dto.js';

export const PLATFORM_ROLES = ['customer', 'admin'] as const;
const ACCOUNT_STATUSES = ['active', 'suspended'] as const;
type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

export const userParams = z.strictObject({ id: z.uuid() });
export type UserParams = z.output<typeof userParams>;

export const setRolesBody = z.strictObject({
  // One refinement rather than min/max checks: zod runs those even on a non-array (a string's
  // length), which would add a second, confusing message. The JSON Schema keywords say the same.
  roles: z
    .array(z.enum(PLATFORM_ROLES))
    .refine(
      (roles) => roles.length >= 1 && roles.length <= PLATFORM_ROLES.length && new Set(roles).size === roles.length,
      `must name ${PLATFORM_ROLES.join(' and/or ')}, each at most once`,
    )
    .meta({ minItems: 1, maxItems: PLATFORM_ROLES.length, uniqueItems: true }),
});
export type SetRolesBody = z.output<typeof setRolesBody>;

export const adminAccountResponse = z.object({
  id: z.uuid(),
  email: z.email(),
  roles: z.array(z.string()),
  status: z.enum(ACCOUNT_STATUSES),
  emailVerified: z.boolean(),
  mfaEnabled: z.boolean(),
  createdAt: timestamp,
});
export type AdminAccountResponse = z.output<typeof adminAccountResponse>;

export function toAdminAccount(response: authV1.SetRolesResponse): AdminAccountResponse {
  const account = response.account;
  if (!account) throw new Error('auth service answered without the account');
  return {
    id: account.userId,
    email: account.email,
    roles: account.roles,
    status: statusOf(account.status),
    emailVerified: account.emailVerified,
    mfaEnabled: account.mfaEnabled,
    createdAt: isoOf(account.createdAt, 'account.createdAt'),
  };
}

/** An unknown status is a contract breach worth a loud 500, not a value to pass on to clients. */
function statusOf(status: string): AccountStatus {
  const known = ACCOUNT_STATUSES.find((candidate) => candidate === status);
  if (!known) throw new Error(`auth service answered an unknown account status: ${status}`);
  return known;
}
