import type { Cache } from '../cache/cache.port.js';
import { MemoryCache } from '../cache/memory-cache.js';
import { RedisCache } from '../cache/redis-cache.js';

/**
 * Access tokens are verified locally by the gateway and live ~10 minutes; this list is how ending a
 * session takes effect at once anyway. The auth service writes it whenever a session ends (logout,
 * revocation, reuse detected, password reset, suspension), the gateway reads it on every
 * authenticated request. An entry lives only as long as the session's tokens could.
 */
/** The Redis key area of session revocations: the auth service writes there, every gateway reads. */
export const REVOCATIONS_AREA = 'revocations';

export class RevocationList {
  constructor(
    private readonly cache: Cache,
    /** The access-token lifetime: no entry needs to outlive it. */
    private readonly ttlSeconds: number,
  ) {}

  async revokeSessions(sessionIds: string[]): Promise<void> {
    await Promise.all(sessionIds.map((id) => this.cache.set(this.keyOf(id), '1', this.ttlSeconds)));
  }

  async isSessionRevoked(sessionId: string): Promise<boolean> {
    return (await this.cache.get(this.keyOf(sessionId))) !== undefined;
  }

  /** The key `isSessionRevoked` reads, for a reader that reads it with others: any value means revoked. */
  keyOf(sessionId: string): string {
    return `revoked-session:${sessionId}`;
  }
}

/**
 * The cache the auth service and the gateway share for cross-process state (revocations, rate
 * limits): Redis under its own key prefix when REDIS_URL is set, else the process's shared
 * in-memory cache (embedded mode, where both run in one process).
 */
export function openSharedCache(options: { redisUrl: string | undefined; shared: Cache | undefined; keyPrefix: string }): {
  cache: Cache;
  close(): Promise<void>;
} {
  if (options.redisUrl) {
    const cache = new RedisCache(options.redisUrl, { keyPrefix: options.keyPrefix });
    return { cache, close: () => cache.close() };
  }
  if (options.shared) return { cache: options.shared, close: async () => {} };
  const cache = new MemoryCache();
  return { cache, close: () => cache.close() };
}
