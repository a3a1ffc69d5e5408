import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** Random alphanumerics; `_` never appears, so `pi_X_secret_Y` splits unambiguously as in Stripe. */
export function randomToken(length: number): string {
  const bytes = randomBytes(length);
  let token = '';
  // 62 does not divide 256, so the bias is tiny; these are identifiers, not secrets.
  for (const byte of bytes) token += ALPHABET[byte % ALPHABET.length];
  return token;
}

/** An id in Stripe's style: a type prefix and 24 random characters (`pi_…`, `ch_…`, `evt_…`). */
export function newId(prefix: string): string {
  return `${prefix}_${randomToken(24)}`;
}
