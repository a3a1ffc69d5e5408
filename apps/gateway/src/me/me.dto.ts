import type { authV1, userV1 } from '@msp/contracts';
import { z } from 'zod';
import { emptyToNull, isoOf, timestamp } from '../http/common.dto.js';

/** A BCP 47 tag the platform's Intl understands, so every service formats for it the same way. */
const locale = z
  .string()
  .max(35)
  .refine((value) => /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(value) && isCanonicalizable(value), 'must be a language tag, e.g. en-GB');

/** An IANA zone name; offsets like `+01:00` are refused because they ignore daylight saving. */
const timezone = z
  .string()
  .max(64)
  .refine((value) => /^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(value) && isTimeZone(value), 'must be an IANA time zone, e.g. Europe/Berlin');

export const updateMeBody = z.strictObject({
  displayName: z.string().trim().min(1).max(100).optional(),
  locale: locale.optional(),
  timezone: timezone.optional(),
  // The user service's rules (https only, as the pages showing avatars are served over https).
  avatarUrl: z
    .string()
    .max(2000)
    .refine((value) => value === '' || isHttpsUrl(value), 'must be an https URL')
    .nullable()
    .optional()
    .describe('null or "" removes the avatar'),
});
export type UpdateMeBody = z.output<typeof updateMeBody>;

export const deleteMeBody = z.strictObject({ password: z.string().min(1).max(128) });
export type DeleteMeBody = z.output<typeof deleteMeBody>;

/** Only the fields sent change; proto3 `optional` carries "not sent", and "" removes the avatar. */
export function toUpdateProfileRequest(body: UpdateMeBody): userV1.UpdateProfileRequest {
  return {
    displayName: body.displayName,
    locale: body.locale,
    timezone: body.timezone,
    avatarUrl: body.avatarUrl === null ? '' : body.avatarUrl,
  };
}

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

function isCanonicalizable(tag: string): boolean {
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function isHttpsUrl(value: string): boolean {
  return URL.canParse(value) && new URL(value).protocol === 'https:';
}
