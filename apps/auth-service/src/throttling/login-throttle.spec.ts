import { MemoryCache } from '@msp/platform';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AuthError } from '../auth.errors.js';
import { LoginThrottle } from './login-throttle.js';

const IP = '203.0.113.7';

let cache: MemoryCache;
let throttle: LoginThrottle;

beforeEach(() => {
  cache = new MemoryCache();
  throttle = new LoginThrottle(cache);
});
afterEach(async () => {
  vi.useRealTimers();
  await cache.close();
});

/** The wait the throttle answers, or undefined when the attempt may go ahead. */
async function waitFor(email: string, ip = IP): Promise<number | undefined> {
  const error = await throttle.assertAllowed(email, ip).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (error === undefined) return undefined;
  expect(error).toBeInstanceOf(AuthError);
  expect(error).toMatchObject({ code: 'TOO_MANY_ATTEMPTS' });
  return (error as AuthError).retryAfterSeconds;
}

async function fail(times: number, email: string, ip = IP): Promise<void> {
  for (let i = 0; i < times; i++) await throttle.recordFailure(email, ip);
}

describe('LoginThrottle per account', () => {
  it('lets five failures go by, then makes each further one wait twice as long: 2, 4, 8 … seconds', async () => {
    await fail(5, 'ada@example.test');
    expect(await waitFor('ada@example.test')).toBeUndefined();

    const waits: Array<number | undefined> = [];
    for (let i = 0; i < 5; i++) {
      await fail(1, 'ada@example.test');
      waits.push(await waitFor('ada@example.test', '198.51.100.1'));
    }

    expect(waits).toEqual([2, 4, 8, 16, 32]);
  });

  it('caps the wait at a 15-minute lockout', async () => {
    await fail(5 + 9, 'ada@example.test');
    expect(await waitFor('ada@example.test')).toBe(512);

    await fail(1, 'ada@example.test');
    expect(await waitFor('ada@example.test')).toBe(900);
    await fail(10, 'ada@example.test');
    expect(await waitFor('ada@example.test')).toBe(900);
  });

  it('counts every spelling of the email as the same account, and other accounts apart', async () => {
    await fail(6, '  ADA@Example.test ');

    expect(await waitFor('ada@example.test')).toBe(2);
    expect(await waitFor('grace@example.test', '198.51.100.1')).toBeUndefined();
  });

  it('treats an email with no account exactly like one with an account: it never looks accounts up', async () => {
    await fail(6, 'registered@example.test', '198.51.100.1');
    await fail(6, 'nobody-by-this-name@example.test', '198.51.100.2');

    expect(await waitFor('registered@example.test', '198.51.100.3')).toBe(2);
    expect(await waitFor('nobody-by-this-name@example.test', '198.51.100.3')).toBe(2);
  });

  it('clears the account counter and its wait on success', async () => {
    await fail(6, 'ada@example.test');
    expect(await waitFor('ada@example.test')).toBe(2);

    await throttle.recordSuccess(' Ada@example.test');

    expect(await waitFor('ada@example.test')).toBeUndefined();
    await fail(5, 'ada@example.test');
    expect(await waitFor('ada@example.test')).toBeUndefined();
  });

  it('lets the attempt go ahead once the wait is over, and forgets failures after the 15-minute window', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    await fail(6, 'ada@example.test');
    expect(await waitFor('ada@example.test')).toBe(2);

    vi.setSystemTime(Date.now() + 2_000);
    expect(await waitFor('ada@example.test')).toBeUndefined();

    vi.setSystemTime(Date.now() + 15 * 60_000);
    await fail(1, 'ada@example.test');
    expect(await waitFor('ada@example.test')).toBeUndefined();
  });
});

describe('LoginThrottle per IP', () => {
  it('lets a hundred failures from one address go by across accounts, then holds the address back', async () => {
    for (let i = 1; i <= 100; i++) await fail(1, `user-${i}@example.test`);
    expect(await waitFor('someone-new@example.test')).toBeUndefined();

    await fail(1, 'user-101@example.test');

    expect(await waitFor('someone-new@example.test')).toBe(2);
    expect(await waitFor('someone-new@example.test', '198.51.100.1')).toBeUndefined();
  });

  it('does not clear the address counter on one success', async () => {
    for (let i = 1; i <= 100; i++) await fail(1, `user-${i}@example.test`);

    await throttle.recordSuccess('user-1@example.test');
    await fail(1, 'user-1@example.test');

    expect(await waitFor('someone-new@example.test')).toBe(2);
  });

  it('counts only the account when the address is unknown', async () => {
    await fail(25, 'ada@example.test', '');

    expect(await waitFor('grace@example.test', '')).toBeUndefined();
    expect(await waitFor('ada@example.test', '')).toBe(900);
  });
});
