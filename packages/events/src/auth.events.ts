import { z } from 'zod';

const userId = z.uuid();
const email = z.email();
const locale = z.string().min(2).max(35);

export const authEvents = {
  /** A customer signed up; credentials and profile both exist. */
  'auth.user.registered.v1': z.object({
    userId,
    email,
    displayName: z.string(),
    locale,
  }),
  /**
   * A verification link must be emailed. Carries the raw single-use token because only the email can
   * deliver it; the auth DB keeps just its hash.
   */
  'auth.email_verification.requested.v1': z.object({
    userId,
    email,
    displayName: z.string(),
    locale,
    token: z.string().min(20),
    expiresAt: z.iso.datetime({ offset: true }),
  }),
  /** The user proved they own their email address. */
  'auth.email.verified.v1': z.object({ userId, email }),
} as const;
