import { platformMetrics } from '../telemetry/metrics.js';
import type { Cache } from './cache.port.js';

/**
 * The cache a feature sees is named by its keys' first segment (`profile:<id>` → `profile`); keys
 * without one are counted as `other`, so a key never becomes a label (that would be one series per key).
 */
export function cacheNameOf(key: string): string {
  const end = key.indexOf(':');
  return end > 0 && end <= 40 ? key.slice(0, end) : 'other';
}

/**
 * A cache that counts its reads as hits or misses per cache name (`msp_cache_requests_total`), so
 * the hit ratio of each cache can be graphed. Everything else passes straight through.
 */
export class CountedCache implements Cache {
  private readonly requests = platformMetrics().cacheRequests;

  constructor(
    private readonly cache: Cache,
    private readonly service: string,
  ) {}

  async get(key: string): Promise<string | undefined> {
    const value = await this.cache.get(key);
    this.requests.inc({ service: this.service, cache: cacheNameOf(key), result: value === undefined ? 'miss' : 'hit' });
    return value;
  }

  set(key: string, value: string, ttlSeconds: number): Promise<void> {
    return this.cache.set(key, value, ttlSeconds);
  }

  delete(...keys: string[]): Promise<void> {
    return this.cache.delete(...keys);
  }

  increment(key: string, windowSeconds: number): Promise<number> {
    return this.cache.increment(key, windowSeconds);
  }

  ttl(key: string): Promise<number | undefined> {
    return this.cache.ttl(key);
  }

  ping(): Promise<void> {
    return this.cache.ping();
  }

  close(): Promise<void> {
    return this.cache.close();
  }
}
