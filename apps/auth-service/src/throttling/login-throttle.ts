import { CACHE, type Cache } from '@msp/platform';
import { Inject, Injectable } from '@nestjs/common';
import { AuthError } from '../auth.errors.js';

/** Failures within this window count together. */
const WINDOW_SECONDS = 15 * 60;
/** Free failures before delays start: per account (a person mistyping) and per IP (a shared office). */
const FREE_FAILURES = { account: 5, ip: 100 } as const;
/** Each failure past the free ones doubles the wait, up to the lockout. */
const FIRST_DELAY_SECONDS = 2;
const MAX_LOCKOUT_SECONDS = 15 * 60;

type Scope = keyof typeof FREE_FAILURES;

/**
 * Progressive brute-force protection for password and MFA checks: after a few failures each
 * further one makes the account (and, separately, the client IP) wait twice as long, up to a
 * 15-minute lockout. Counters live in the cache (Redis in distributed mode), so every replica sees
 * them. The check runs before any password hashing, for known and unknown accounts alike, so the
 * answer's timing tells nothing about whether an account exists.
 */
@Injectable()
export class LoginThrottle {
  constructor(@Inject(CACHE) private readonly cache: Cache) {}

  /** Throws TOO_MANY_ATTEMPTS with the seconds to wait while the account or the IP is held back. */
  async assertAllowed(email: string, ip: string): Promise<void> {
    const waits = await Promise.all(this.keys(email, ip).map(([scope, key]) => this.cache.ttl(`login-wait:${scope}:${key}`)));
    const wait = Math.max(0, ...waits.map((seconds) => seconds ?? 0));
    if (wait > 0) {
      throw new AuthError('TOO_MANY_ATTEMPTS', 'Too many failed attempts. Try again later.', [], wait);
    }
  }

  async recordFailure(email: string, ip: string): Promise<void> {
    for (const [scope, key] of this.keys(email, ip)) {
      const failures = await this.cache.increment(`login-failures:${scope}:${key}`, WINDOW_SECONDS);
      const over = failures - FREE_FAILURES[scope];
      if (over > 0) {
        const delay = Math.min(MAX_LOCKOUT_SECONDS, FIRST_DELAY_SECONDS * 2 ** (over - 1));
        await this.cache.set(`login-wait:${scope}:${key}`, '1', delay);
      }
    }
  }

  /** A successful sign-in clears the account's counter (not the IP's: one success proves little). */
  async recordSuccess(email: string): Promise<void> {
    const account = normalize(email);
    await this.cache.delete(`login-failures:account:${account}`, `login-wait:account:${account}`);
  }

  private keys(email: string, ip: string): Array<[Scope, string]> {
    const keys: Array<[Scope, string]> = [['account', normalize(email)]];
    if (ip) keys.push(['ip', ip]);
    return keys;
  }
}

function normalize(email: string): string {
  return email.trim().toLowerCase();
}
