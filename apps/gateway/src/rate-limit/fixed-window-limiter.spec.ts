import { MemoryCache } from '@msp/platform';
import { afterAll, describe, expect, it } from 'vitest';
import { FixedWindowLimiter } from './fixed-window-limiter.js';

describe('FixedWindowLimiter', () => {
  const cache = new MemoryCache();
  afterAll(() => cache.close());

  it('counts within a clock-aligned window and starts afresh in the next one', async () => {
    let now = 120_000 + 45_500; // 45.5 s into the third minute
    const limiter = new FixedWindowLimiter(cache, 60, () => now);
    expect(await limiter.hit('login:1.2.3.4', 2)).toEqual({ limit: 2, remaining: 1, resetSeconds: 15, exceeded: false });
    expect(await limiter.hit('login:1.2.3.4', 2)).toMatchObject({ remaining: 0, exceeded: false });
    expect(await limiter.hit('login:1.2.3.4', 2)).toMatchObject({ remaining: 0, exceeded: true });
    expect(await limiter.hit('login:5.6.7.8', 2)).toMatchObject({ remaining: 1, exceeded: false });
    now = 180_000;
    expect(await limiter.hit('login:1.2.3.4', 2)).toEqual({ limit: 2, remaining: 1, resetSeconds: 60, exceeded: false });
  });

  it('keys its counters under its own name, since the embedded cache is shared unprefixed', async () => {
    const limiter = new FixedWindowLimiter(cache, 60, () => 0);
    await limiter.hit('global:1.2.3.4', 10);
    expect(await cache.get('gateway:global:1.2.3.4:0')).toBe('1');
  });
});
