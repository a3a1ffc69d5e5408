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
  /** A new session began (password or MFA login): the "new sign-in" email and the audit trail. */
  'auth.user.signed_in.v1': z.object({
    userId,
    email,
    sessionId: z.uuid(),
    ip: z.string(),
    userAgent: z.string(),
    at: z.iso.datetime({ offset: true }),
  }),
  /** A password reset link must be emailed; the raw single-use token travels only to the email. */
  'auth.password_reset.requested.v1': z.object({
    userId,
    email,
    token: z.string().min(20),
    expiresAt: z.iso.datetime({ offset: true }),
  }),
  /** The password changed (by the user, or through a reset); every other session has ended. */
  'auth.password.changed.v1': z.object({
    userId,
    email,
    via: z.enum(['change', 'reset']),
    at: z.iso.datetime({ offset: true }),
  }),
  'auth.mfa.enabled.v1': z.object({ userId, email }),
  'auth.mfa.disabled.v1': z.object({ userId, email }),
  /** A session ended: logout, revocation by its owner or an admin, or refresh-token reuse. */
  'auth.session.revoked.v1': z.object({
    userId,
    sessionId: z.uuid(),
    reason: z.enum(['logout', 'revoked', 'reuse_detected', 'password_changed', 'suspended', 'admin']),
  }),
  'auth.user.suspended.v1': z.object({ userId, email, by: userId }),
  'auth.user.unsuspended.v1': z.object({ userId, email, by: userId }),
  'auth.user.roles_changed.v1': z.object({ userId, roles: z.array(z.enum(['customer', 'admin'])), by: userId }),
  /** The account was deleted by its owner: other services remove or anonymise what they hold. */
  'auth.user.deleted.v1': z.object({ userId, email }),
  /** New access tokens are signed with a new key. */
  'auth.signing_key.rotated.v1': z.object({ kid: z.string() }),
} as const;
