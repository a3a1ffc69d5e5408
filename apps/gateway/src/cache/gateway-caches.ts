import type { OnApplicationShutdown } from '@nestjs/common';
import {
  GENERATION_READS_AREA,
  MemoryCache,
  openSharedCache,
  redisKeyPrefix,
  REVOCATIONS_AREA,
  type Cache,
  type Logger,
} from '@msp/platform';

export const RATE_LIMIT_AREA = 'ratelimit';
export const IDEMPOTENCY_AREA = 'idempotency';

/**
 * The state the gateway shares with other processes: rate-limit counters and idempotency records
 * (with the other gateway processes), session revocations (written by the auth service) and cached
 * reads with their generations (bumped by the services that own the data). Redis
 * when REDIS_URL is set, else the cache the embedded launcher shares, else one of its own.
 */
export class GatewayCaches implements OnApplicationShutdown {
  private constructor(
    readonly rateLimits: Cache,
    readonly revocations: Cache,
    readonly idempotency: Cache,
    /** Undefined when no service can reach this gateway's cache to invalidate what it would hold. */
    readonly reads: Cache | undefined,
    private readonly closers: Array<() => Promise<void>>,
  ) {}

  static open(redis: { url: string | undefined; namespace: string }, sharedCache: Cache | undefined, logger: Logger): GatewayCaches {
    const redisUrl = redis.url;
    let shared = sharedCache;
    const closers: Array<() => Promise<void>> = [];
    if (!redisUrl && !shared) {
      // Then no other process can reach this state: limits count per process, and sessions ended
      // by an auth service elsewhere stay usable until their access tokens expire; a retry that
      // reaches another gateway process does not find the first answer of its idempotency key.
      logger.warn('no REDIS_URL and no shared cache: rate limits, session revocations and idempotency keys are local to this process');
      const own = new MemoryCache();
      closers.push(() => own.close());
      shared = own;
    }
    const prefix = (area: string) => redisKeyPrefix(redis.namespace, area);
    const rateLimits = openSharedCache({ redisUrl, shared, keyPrefix: prefix(RATE_LIMIT_AREA) });
    // The auth service writes revocations under the same namespace and area; in embedded mode both
    // use the launcher's shared cache. Any other prefix would make every revocation invisible.
    const revocations = openSharedCache({ redisUrl, shared, keyPrefix: prefix(REVOCATIONS_AREA) });
    const idempotency = openSharedCache({ redisUrl, shared, keyPrefix: prefix(IDEMPOTENCY_AREA) });
    // Reads the services invalidate by generation (project reads): they bump under this same area.
    // Not with a cache of its own: no service could bump generations there, so reads would go stale.
    const reads = redisUrl || sharedCache ? openSharedCache({ redisUrl, shared, keyPrefix: prefix(GENERATION_READS_AREA) }) : undefined;
    closers.push(rateLimits.close, revocations.close, idempotency.close);
    if (reads) closers.push(reads.close);
    return new GatewayCaches(rateLimits.cache, revocations.cache, idempotency.cache, reads?.cache, closers);
  }

  /** Runs after the HTTP server drained, so requests in flight still had their caches. */
  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.closers.splice(0).map((close) => close()));
  }
}
