import { MemoryCache } from '@msp/platform';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestGateway, type FakeBackends, type TestGateway } from '../testing/gateway-harness.js';
import { awayFromWindowEdge } from '../testing/cache-fixtures.js';

const tokens = { accessToken: 'access.jwt.value', refreshToken: 'refresh-opaque', expiresIn: 600 };

describe('gateway rate limits (real gateway, fake auth service)', () => {
  let loginCalls = 0;
  const backends: FakeBackends = {
    auth: {
      login: async () => ((loginCalls += 1), { tokens, mfaToken: '' }),
      refresh: async () => ({ tokens }),
    },
  };
  const lowLimits = { RATE_LIMIT_LOGIN_PER_MINUTE: '3', RATE_LIMIT_REFRESH_PER_MINUTE: '30', RATE_LIMIT_GLOBAL_PER_MINUTE: '100' };
  const login = (gateway: TestGateway, ip = '203.0.113.10') =>
    fetch(`${gateway.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
      body: JSON.stringify({ email: 'ada@example.com', password: 'right password' }),
    });

  beforeEach(() => awayFromWindowEdge());

  describe('one gateway', () => {
    let gateway: TestGateway;
    beforeAll(async () => {
      gateway = await startTestGateway(backends, lowLimits);
    });
    afterAll(() => gateway.close());

    it('reports the budget in RateLimit headers, then answers 429 RATE_LIMITED with Retry-After without calling the service', async () => {
      loginCalls = 0;
      for (const remaining of ['2', '1', '0']) {
        const response = await login(gateway);
        expect(response.status).toBe(200);
        expect(response.headers.get('ratelimit-limit')).toBe('3');
        expect(response.headers.get('ratelimit-remaining')).toBe(remaining);
        expect(response.headers.get('ratelimit-policy')).toBe('3;w=60');
        const reset = Number(response.headers.get('ratelimit-reset'));
        expect(reset).toBeGreaterThanOrEqual(1);
        expect(reset).toBeLessThanOrEqual(60);
      }
      const limited = await login(gateway);
      expect(limited.status).toBe(429);
      expect(limited.headers.get('content-type')).toBe('application/problem+json');
      expect(limited.headers.get('ratelimit-remaining')).toBe('0');
      expect(limited.headers.get('retry-after')).toBe(limited.headers.get('ratelimit-reset'));
      expect(await limited.json()).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
      expect(loginCalls).toBe(3);
    });

    it('counts per client address and per route group', async () => {
      for (let i = 0; i < 4; i++) await login(gateway, '198.51.100.20');
      expect((await login(gateway, '198.51.100.21')).status).toBe(200);
      // Another address of the same IPv6 /64 is the same client.
      for (let i = 0; i < 3; i++) expect((await login(gateway, '2001:db8:1:2::1')).status).toBe(200);
      expect((await login(gateway, '2001:db8:1:2:ffff::9')).status).toBe(429);
      const refresh = await fetch(`${gateway.url}/api/v1/auth/refresh`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': '198.51.100.20' },
        body: JSON.stringify({ refreshToken: 'refresh-opaque' }),
      });
      expect(refresh.status).toBe(200);
      expect(refresh.headers.get('ratelimit-limit')).toBe('30');
    });
  });

  it('applies the global limit to every route', async () => {
    const gateway = await startTestGateway({}, { RATE_LIMIT_GLOBAL_PER_MINUTE: '2' });
    try {
      const live = () => fetch(`${gateway.url}/health/live`, { headers: { 'x-forwarded-for': '192.0.2.1' } });
      expect((await live()).headers.get('ratelimit-remaining')).toBe('1');
      expect((await live()).status).toBe(200);
      const limited = await live();
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    } finally {
      await gateway.close();
    }
  });

  it('holds across gateway processes that share the cache', async () => {
    const cache = new MemoryCache();
    const [a, b] = await Promise.all([
      startTestGateway(backends, lowLimits, { sharedCache: cache }),
      startTestGateway(backends, lowLimits, { sharedCache: cache }),
    ]);
    try {
      expect((await login(a, '192.0.2.50')).status).toBe(200);
      expect((await login(b, '192.0.2.50')).headers.get('ratelimit-remaining')).toBe('1');
      expect((await login(a, '192.0.2.50')).status).toBe(200);
      expect((await login(b, '192.0.2.50')).status).toBe(429);
      expect((await login(a, '192.0.2.50')).status).toBe(429);
    } finally {
      await Promise.all([a.close(), b.close()]);
      await cache.close();
    }
  });
});
