import { createHash, randomBytes } from 'node:crypto';

/** A random, URL-safe secret of 256 bits: refresh tokens, verification and reset tokens. */
export function newOpaqueToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Tokens are stored only as SHA-256: a leaked table does not leak usable tokens. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}
