import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RedisCache } from './redis-cache.js';

const REDIS_URL = 'redis://127.0.0.1:6379';

describe('RedisCache (real Redis)', () => {
  // A prefix of our own: the server is shared, so this file only ever touches keys under it.
  const prefix = `msp-test:${randomUUID()}:`;
  let cache: RedisCache;
  let raw: Redis;

  beforeAll(() => {
    cache = new RedisCache(REDIS_URL, { keyPrefix: prefix });
    raw = new Redis(REDIS_URL);
  });

  afterAll(async () => {
    await cache.close();
    const keys: string[] = [];
    for await (const batch of raw.scanStream({ match: `${prefix}*`, count: 100 })) keys.push(...(batch as string[]));
    if (keys.length > 0) await raw.del(...keys);
    await raw.quit();
  });

  it('pings', async () => {
    await expect(cache.ping()).resolves.toBeUndefined();
  });

  it('stores values under its key prefix with a TTL', async () => {
    await cache.set('greeting', 'hello', 30);
    expect(await cache.get('greeting')).toBe('hello');
    expect(await raw.get(`${prefix}greeting`)).toBe('hello');
    expect(await cache.ttl('greeting')).toBe(30);
    expect(await raw.pttl(`${prefix}greeting`)).toBeGreaterThan(29_000);
  });

  it('forgets a value when its TTL elapses', async () => {
    await cache.set('brief', 'v', 0.2);
    expect(await cache.get('brief')).toBe('v');
    await sleep(300);
    expect(await cache.get('brief')).toBeUndefined();
    expect(await cache.ttl('brief')).toBeUndefined();
  });

  it('deletes several keys at once', async () => {
    await cache.set('a', '1', 30);
    await cache.set('b', '2', 30);
    await cache.delete('a', 'b', 'missing');
    await cache.delete();
    expect(await cache.get('a')).toBeUndefined();
    expect(await cache.get('b')).toBeUndefined();
  });

  it('increments in a fixed window that starts on the first increment', async () => {
    expect(await cache.increment('hits', 1)).toBe(1);
    await sleep(600);
    expect(await cache.increment('hits', 1)).toBe(2);
    // The second increment did not push the expiry back out to a full second.
    expect(await raw.pttl(`${prefix}hits`)).toBeLessThanOrEqual(400);

    await sleep(500);
    expect(await cache.get('hits')).toBeUndefined();
    expect(await cache.increment('hits', 1)).toBe(1);
  });

  it('counts every one of many concurrent increments exactly once', async () => {
    const results = await Promise.all(Array.from({ length: 50 }, () => cache.increment('burst', 30)));
    expect([...results].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(await cache.ttl('burst')).toBe(30);
  });

  it('increments in a window and gets other keys in one command, missing keys in their places', async () => {
    await cache.set('first', 'one', 30);
    await cache.set('third', 'three', 30);
    expect(await cache.incrementAndGet('combined', 30, ['first', 'second', 'third', 'fourth'])).toEqual({
      count: 1,
      values: ['one', undefined, 'three', undefined],
    });
    expect(await cache.incrementAndGet('combined', 1, [])).toEqual({ count: 2, values: [] });
    // The window is the first increment's: the second did not shorten or extend it.
    expect(await cache.ttl('combined')).toBe(30);
  });

  it('refuses to increment a value that is not an integer', async () => {
    await cache.set('text', 'abc', 30);
    await expect(cache.increment('text', 30)).rejects.toThrow(/not an integer/);
  });

  it('rejects commands once closed', async () => {
    const other = new RedisCache(REDIS_URL, { keyPrefix: prefix });
    await other.ping();
    await other.close();
    await other.close();
    await expect(other.ping()).rejects.toThrow();
  });
});
