import type { OnApplicationShutdown } from '@nestjs/common';
import {
  GENERATION_READS_AREA,
  KeyPrefixedCache,
  MemoryCache,
  RedisCache,
  redisKeyPrefix,
  REVOCATIONS_AREA,
  type Cache,
  type Logger,
} from '@msp/platform';

export const RATE_LIMIT_AREA = 'ratelimit';
export const IDEMPOTENCY_AREA = 'idempotency';

/** What a combined look-up found: the counter's new value and the values of the keys read. */
export interface CombinedLookupResult {
  count: number;
  revocation: string | undefined;
  reads: Array<string | undefined>;
}

/**
 * Adds one to a rate-limit counter (as `rateLimits.increment`) and gets a key of the revocations
 * area and keys of the reads area (as their caches' `get`), in one Redis command: issue 9's project
 * read needs all four, and ioredis costs about as much per command as per byte it moves.
 */
export type CombinedLookup = (
  counter: string,
  windowSeconds: number,
  revocationKey: string,
  readKeys: string[],
) => Promise<CombinedLookupResult>;

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
    /** Only with Redis: the areas then share one connection, where one script can read them all. */
    readonly combinedLookup?: CombinedLookup,
  ) {}

  static open(redis: { url: string | undefined; namespace: string }, sharedCache: Cache | undefined, logger: Logger): GatewayCaches {
    const redisUrl = redis.url;
    const prefix = (area: string) => redisKeyPrefix(redis.namespace, area);
    if (redisUrl) {
      // One connection for every area: a project read's look-ups in the rate-limit, revocation and
      // read areas leave in one socket write per tick, not three (measured: issue 9's read path).
      // The auth service writes revocations under the same namespace and area, the project service
      // bumps generations under the reads area: any other prefix would make those invisible here.
      const redisCache = new RedisCache(redisUrl);
      const area = (name: string) => new KeyPrefixedCache(redisCache, prefix(name));
      const [rateLimits, revocations, reads] = [prefix(RATE_LIMIT_AREA), prefix(REVOCATIONS_AREA), prefix(GENERATION_READS_AREA)];
      const combinedLookup: CombinedLookup = async (counter, windowSeconds, revocationKey, readKeys) => {
        const keys = [revocations + revocationKey, ...readKeys.map((key) => reads + key)];
        const { count, values } = await redisCache.incrementAndGet(rateLimits + counter, windowSeconds, keys);
        return { count, revocation: values[0], reads: values.slice(1) };
      };
      return new GatewayCaches(
        area(RATE_LIMIT_AREA),
        area(REVOCATIONS_AREA),
        area(IDEMPOTENCY_AREA),
        area(GENERATION_READS_AREA),
        [() => redisCache.close()],
        combinedLookup,
      );
    }
    // Embedded: the launcher's cache, where the services write under the same (unprefixed) keys.
    if (sharedCache) return new GatewayCaches(sharedCache, sharedCache, sharedCache, sharedCache, []);
    // Then no other process can reach this state: limits count per process, and sessions ended by an
    // auth service elsewhere stay usable until their access tokens expire; a retry that reaches
    // another gateway process does not find the first answer of its idempotency key.
    logger.warn('no REDIS_URL and no shared cache: rate limits, session revocations and idempotency keys are local to this process');
    const own = new MemoryCache();
    // No read cache: no service could bump generations in this one, so reads would go stale.
    return new GatewayCaches(own, own, own, undefined, [() => own.close()]);
  }

  /** Runs after the HTTP server drained, so requests in flight still had their caches. */
  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.closers.splice(0).map((close) => close()));
  }
}
