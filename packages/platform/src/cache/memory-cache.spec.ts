import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MemoryCache } from './memory-cache.js';

describe('MemoryCache', () => {
  let cache: MemoryCache;

  beforeEach(() => {
    vi.useFakeTimers();
    cache = new MemoryCache({ sweepIntervalMs: 1_000 });
  });

  afterEach(async () => {
    await cache.close();
    vi.useRealTimers();
  });

  it('returns a value until its TTL elapses', async () => {
    await cache.set('k', 'v', 10);
    expect(await cache.get('k')).toBe('v');
    expect(await cache.ttl('k')).toBe(10);

    vi.advanceTimersByTime(9_999);
    expect(await cache.get('k')).toBe('v');
    expect(await cache.ttl('k')).toBe(1);

    vi.advanceTimersByTime(1);
    expect(await cache.get('k')).toBeUndefined();
    expect(await cache.ttl('k')).toBeUndefined();
  });

  it('overwrites value and TTL on set', async () => {
    await cache.set('k', 'a', 1);
    await cache.set('k', 'b', 60);
    vi.advanceTimersByTime(5_000);
    expect(await cache.get('k')).toBe('b');
  });

  it('deletes several keys at once and ignores missing ones', async () => {
    await cache.set('a', '1', 60);
    await cache.set('b', '2', 60);
    await cache.delete('a', 'b', 'missing');
    expect(await cache.get('a')).toBeUndefined();
    expect(await cache.get('b')).toBeUndefined();
  });

  it('counts in a fixed window that starts on the first increment', async () => {
    expect(await cache.increment('hits', 10)).toBe(1);
    vi.advanceTimersByTime(6_000);
    expect(await cache.increment('hits', 10)).toBe(2);
    // A later increment does not extend the window.
    expect(await cache.ttl('hits')).toBe(4);

    vi.advanceTimersByTime(4_000);
    expect(await cache.get('hits')).toBeUndefined();
    expect(await cache.increment('hits', 10)).toBe(1);
    expect(await cache.ttl('hits')).toBe(10);
  });

  it('refuses to increment a value that is not an integer', async () => {
    await cache.set('k', 'text', 60);
    await expect(cache.increment('k', 60)).rejects.toThrow(/not an integer/);
  });

  it('rejects a TTL that is not positive', async () => {
    await expect(cache.set('k', 'v', 0)).rejects.toThrow(RangeError);
    await expect(cache.increment('k', -1)).rejects.toThrow(RangeError);
  });

  it('sweeps expired entries nobody reads again', async () => {
    await cache.set('short', 'v', 1);
    await cache.set('long', 'v', 60);
    const entries = (cache as unknown as { entries: Map<string, unknown> }).entries;
    expect(entries.size).toBe(2);

    vi.advanceTimersByTime(2_000);
    expect(entries.size).toBe(1);
    expect(entries.has('long')).toBe(true);
  });

  it('pings until closed', async () => {
    await expect(cache.ping()).resolves.toBeUndefined();
    await cache.close();
    await expect(cache.ping()).rejects.toThrow(/closed/);
  });
});
