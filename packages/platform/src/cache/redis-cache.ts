import { Redis } from 'ioredis';
import type { Logger } from '../logging/logger.js';
import type { Cache } from './cache.port.js';
import { toMilliseconds } from './memory-cache.js';

export interface RedisCacheOptions {
  /** Prepended to every key (e.g. `auth:`), so services sharing one Redis never collide. */
  keyPrefix?: string;
  /**
   * A command that gets no reply within this time fails (default 2 s). A cache that hangs is worse
   * than a cache miss: requests would stall behind it instead of falling back to the database.
   */
  commandTimeoutMs?: number;
  logger?: Logger;
}

/** INCR, and an expiry only if the key has none yet (NX keeps the first one: the window is fixed). */
const INCREMENT_IN_WINDOW = `
local count = redis.call('INCR', KEYS[1])
redis.call('PEXPIRE', KEYS[1], ARGV[1], 'NX')
return count
`;

/** INCREMENT_IN_WINDOW on KEYS[1], then GET of every other key: nil (a missing key) stays in its place. */
const INCREMENT_AND_GET = `
local count = redis.call('INCR', KEYS[1])
redis.call('PEXPIRE', KEYS[1], ARGV[1], 'NX')
local answer = { count }
for i = 2, #KEYS do answer[i] = redis.call('GET', KEYS[i]) end
return answer
`;

/** The distributed-mode cache. */
export class RedisCache implements Cache {
  private readonly redis: Redis;

  constructor(url: string, options: RedisCacheOptions = {}) {
    this.redis = new Redis(url, {
      keyPrefix: options.keyPrefix ?? '',
      commandTimeout: options.commandTimeoutMs ?? 2_000,
      // Fail queued commands after a couple of reconnect attempts rather than the default 20.
      maxRetriesPerRequest: 2,
      // Commands issued in the same tick (many requests' look-ups under load) leave in one socket
      // write: measured on the gateway, one write per command was its largest single cost.
      enableAutoPipelining: true,
    });
    this.redis.defineCommand('incrementInWindow', { numberOfKeys: 1, lua: INCREMENT_IN_WINDOW });
    this.redis.defineCommand('incrementAndGet', { lua: INCREMENT_AND_GET });
    // Without a listener ioredis prints every reconnect failure to stderr; route it to the log instead.
    this.redis.on('error', (error: Error) => options.logger?.warn({ err: error }, 'redis cache connection error'));
  }

  async get(key: string): Promise<string | undefined> {
    return (await this.redis.get(key)) ?? undefined;
  }

  async set(key: string, value: string, ttlSeconds: number): Promise<void> {
    await this.redis.set(key, value, 'PX', toMilliseconds(ttlSeconds));
  }

  async delete(...keys: string[]): Promise<void> {
    if (keys.length > 0) await this.redis.del(...keys);
  }

  async increment(key: string, windowSeconds: number): Promise<number> {
    // One script, so no crash between INCR and PEXPIRE can leave a counter that never expires (a
    // user locked out forever). A script is one command, so it rides auto-pipelining: a MULTI/EXEC
    // went out in a socket write of its own per request, the gateway's largest cost under load.
    const redis = this.redis as Redis & { incrementInWindow(key: string, windowMs: number): Promise<number> };
    return Number(await redis.incrementInWindow(key, toMilliseconds(windowSeconds)));
  }

  /**
   * `increment(counter, windowSeconds)` and `get` of each of `keys`, in one command: a request that
   * needs all of them costs one command on this connection instead of one per key (issue 9's read).
   */
  async incrementAndGet(
    counter: string,
    windowSeconds: number,
    keys: string[],
  ): Promise<{ count: number; values: Array<string | undefined> }> {
    const redis = this.redis as Redis & {
      incrementAndGet(numberOfKeys: number, ...args: Array<string | number>): Promise<[number, ...Array<string | null>]>;
    };
    const [count, ...values] = await redis.incrementAndGet(1 + keys.length, counter, ...keys, toMilliseconds(windowSeconds));
    return { count: Number(count), values: keys.map((_, index) => values[index] ?? undefined) };
  }

  async ttl(key: string): Promise<number | undefined> {
    const ms = await this.redis.pttl(key);
    if (ms === -2) return undefined;
    // -1 means the key exists without an expiry: only possible when written outside this port.
    if (ms === -1) return Number.POSITIVE_INFINITY;
    // Rounded up like MemoryCache, so a key about to expire still reports that it exists.
    return Math.ceil(ms / 1000);
  }

  async ping(): Promise<void> {
    await this.redis.ping();
  }

  async close(): Promise<void> {
    if (this.redis.status === 'end') return;
    try {
      await this.redis.quit();
    } catch {
      // quit fails when the connection is already gone; disconnect stops any reconnect loop regardless.
      this.redis.disconnect();
    }
  }
}

/** `<namespace>:<area>:`, the prefix of every Redis key of one area (a service, rate limits, revocations). */
export function redisKeyPrefix(namespace: string | undefined, area: string): string {
  return `${namespace ?? 'msp'}:${area}:`;
}
