import { createHash, randomBytes } from 'node:crypto';

/** A random, URL-safe secret of 256 bits: the invitation link's token. */
export function newInvitationToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Tokens are stored only as SHA-256: a leaked table does not leak usable invitations. */
export function hashInvitationToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}
