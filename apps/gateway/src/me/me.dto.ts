import type { authV1, userV1 } from '@msp/contracts';
import { z } from 'zod';
import { emptyToNull, isoOf, timestamp } from '../http/common.dto.js';

export const meResponse = z.object({
  id: z.uuid(),
  email: z.email(),
  displayName: z.string(),
  roles: z.array(z.string()),
  emailVerified: z.boolean(),
  mfaEnabled: z.boolean(),
  locale: z.string(),
  timezone: z.string(),
  avatarUrl: z.url().nullable(),
  createdAt: timestamp,
});
export type MeResponse = z.output<typeof meResponse>;

/** "Me" spans two services: credentials and roles from auth, the profile from user. */
export function toMe(account: authV1.GetAccountResponse, profile: userV1.GetProfileResponse): MeResponse {
  const a = account.account;
  const p = profile.profile;
  if (!a || !p) throw new Error('auth or user service answered without the caller');
  return {
    id: a.userId,
    email: a.email,
    displayName: p.displayName,
    roles: a.roles,
    emailVerified: a.emailVerified,
    mfaEnabled: a.mfaEnabled,
    locale: p.locale,
    timezone: p.timezone,
    avatarUrl: emptyToNull(p.avatarUrl),
    createdAt: isoOf(a.createdAt, 'account.createdAt'),
  };
}
