import { createHash, randomBytes } from 'node:crypto';

/**
 * How long an unsubscribe link works. Long, because people unsubscribe from old emails and RFC 8058
 * mail clients keep the header; bounded, so the table of tokens stays bounded too.
 */
export const UNSUBSCRIBE_TOKEN_TTL_MS = 365 * 24 * 60 * 60_000;

/** A random, URL-safe secret of 256 bits. */
export function newUnsubscribeToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Tokens are stored only as SHA-256: a leaked table does not leak usable links. */
export function hashUnsubscribeToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}
