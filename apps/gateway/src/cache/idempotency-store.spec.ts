import { MemoryCache, type Cache } from '@msp/platform';
import { afterEach, describe, expect, it } from 'vitest';
import { digestOf, IdempotencyStore, type IdempotentRequest } from './idempotency-store.js';

const first: IdempotentRequest = { callerId: 'user-1', key: 'key-1', fingerprint: 'body-a' };

describe('IdempotencyStore', () => {
  const cache = new MemoryCache();
  const store = new IdempotencyStore(cache);
  afterEach(() => cache.delete(...['idempotency', 'idempotency-lock'].map((kind) => `${kind}:user-1:${digestOf('key-1')}`)));

  it('lets the first request run, holds the key while it does, then replays its answer', async () => {
    expect(await store.claim(first)).toEqual({ outcome: 'claimed' });
    expect(await store.claim(first)).toEqual({ outcome: 'in-progress' });
    await store.record(first, { body: { id: 1 }, headers: { etag: '"1"' } });
    expect(await store.claim(first)).toEqual({ outcome: 'replay', response: { body: { id: 1 }, headers: { etag: '"1"' } } });
  });

  it('refuses the same key with another request', async () => {
    await store.claim(first);
    await store.record(first, { body: { id: 1 }, headers: {} });
    expect(await store.claim({ ...first, fingerprint: 'body-b' })).toEqual({ outcome: 'reused' });
  });

  it('frees the key of a failed request for its retry', async () => {
    await store.claim(first);
    await store.release(first);
    expect(await store.claim(first)).toEqual({ outcome: 'claimed' });
  });

  it('scopes keys to the caller', async () => {
    await store.claim(first);
    await store.record(first, { body: { id: 1 }, headers: {} });
    const other = { ...first, callerId: 'user-2' };
    expect(await store.claim(other)).toEqual({ outcome: 'claimed' });
    await store.release(other);
  });

  it('replays a first request that finished between the read and the lock, and frees the lock', async () => {
    // The first request records its answer just as the repeat takes the lock.
    const racing: Cache = {
      ping: () => cache.ping(),
      close: async () => {},
      get: (key) => cache.get(key),
      set: (key, value, ttl) => cache.set(key, value, ttl),
      delete: (...keys) => cache.delete(...keys),
      ttl: (key) => cache.ttl(key),
      increment: async (key, window) => {
        await cache.set(`idempotency:user-1:${digestOf('key-1')}`, JSON.stringify({ fingerprint: 'body-a', body: 7, headers: {} }), 60);
        return cache.increment(key, window);
      },
    };
    const repeat = new IdempotencyStore(racing);
    expect(await repeat.claim(first)).toEqual({ outcome: 'replay', response: { body: 7, headers: {} } });
    expect(await cache.ttl(`idempotency-lock:user-1:${digestOf('key-1')}`)).toBeUndefined();
  });

  it('keeps records for 24 hours and locks only briefly', async () => {
    await store.claim(first);
    const lockTtl = await cache.ttl(`idempotency-lock:user-1:${digestOf('key-1')}`);
    expect(lockTtl).toBeLessThanOrEqual(60);
    await store.record(first, { body: null, headers: {} });
    expect(await cache.ttl(`idempotency:user-1:${digestOf('key-1')}`)).toBeGreaterThan(24 * 3600 - 5);
  });
});
