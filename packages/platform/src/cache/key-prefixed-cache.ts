import type { Cache } from './cache.port.js';

/**
 * One key area (`<namespace>:<area>:`) of a cache that another owner opened and closes. Areas of one
 * process can then share a Redis connection: the look-ups a request makes in several areas leave in
 * one socket write per tick (auto-pipelining works per connection), not one per area.
 */
export class KeyPrefixedCache implements Cache {
  constructor(
    private readonly cache: Cache,
    private readonly prefix: string,
  ) {}

  get(key: string): Promise<string | undefined> {
    return this.cache.get(this.prefix + key);
  }

  set(key: string, value: string, ttlSeconds: number): Promise<void> {
    return this.cache.set(this.prefix + key, value, ttlSeconds);
  }

  delete(...keys: string[]): Promise<void> {
    return this.cache.delete(...keys.map((key) => this.prefix + key));
  }

  increment(key: string, windowSeconds: number): Promise<number> {
    return this.cache.increment(this.prefix + key, windowSeconds);
  }

  ttl(key: string): Promise<number | undefined> {
    return this.cache.ttl(this.prefix + key);
  }

  ping(): Promise<void> {
    return this.cache.ping();
  }

  /** The shared cache is its owner's to close. */
  async close(): Promise<void> {}
}
