import type { Caller } from '@msp/platform';
import { describe, expect, it } from 'vitest';
import { VerifiedTokenCache } from './verified-token-cache.js';

const caller = (userId: string): Caller => ({ userId, sessionId: `s-${userId}`, roles: ['customer'] });

describe('VerifiedTokenCache', () => {
  it('answers a verified token until its expiry, and not from then on', () => {
    let now = 1_000_000;
    const cache = new VerifiedTokenCache(10, () => now);
    cache.set('token-a', caller('a'), 1_000 + 60);
    expect(cache.get('token-a')).toEqual(caller('a'));
    now = 1_059_999;
    expect(cache.get('token-a')).toEqual(caller('a'));
    now = 1_060_000;
    expect(cache.get('token-a')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('keeps nothing for a token that has already expired', () => {
    const cache = new VerifiedTokenCache(10, () => 2_000_000);
    cache.set('late', caller('x'), 1_999);
    expect(cache.get('late')).toBeUndefined();
  });

  it('drops the oldest tokens when full', () => {
    const cache = new VerifiedTokenCache(2, () => 0);
    cache.set('t1', caller('1'), 100);
    cache.set('t2', caller('2'), 100);
    cache.set('t3', caller('3'), 100);
    expect(cache.get('t1')).toBeUndefined();
    expect(cache.get('t2')?.userId).toBe('2');
    expect(cache.get('t3')?.userId).toBe('3');
    expect(cache.size).toBe(2);
  });
});
