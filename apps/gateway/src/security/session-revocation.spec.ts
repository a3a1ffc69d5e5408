import { MemoryCache, RevocationList } from '@msp/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueToken, jwksJsonOf, makeSigningKey, startTestGateway, type SigningKey, type TestGateway } from '../testing/gateway-harness.js';
import { unavailableCache } from '../testing/cache-fixtures.js';

const createdAt = new Date('2024-05-01T10:00:00Z');
const account = {
  userId: '6f1c1d1e-8a43-4a8e-9d0f-1f2a3b4c5d6e',
  email: 'ada@example.com',
  roles: ['customer'],
  emailVerified: true,
  mfaEnabled: false,
  createdAt,
  status: 'active',
};
const profile = {
  userId: account.userId,
  email: account.email,
  displayName: 'Ada',
  locale: 'en',
  timezone: 'UTC',
  avatarUrl: '',
  createdAt,
};

async function gatewayWith(key: SigningKey, sharedCache: MemoryCache | ReturnType<typeof unavailableCache>) {
  return startTestGateway(
    {
      auth: {
        getJwks: async () => ({ jwksJson: jwksJsonOf(key) }),
        getAccount: async () => ({ account }),
        forgotPassword: async () => ({}),
      },
      user: { getProfile: async () => ({ profile }) },
    },
    {},
    { sharedCache },
  );
}

describe('session revocation (real gateway, cache shared with the auth service)', () => {
  let key: SigningKey;
  let cache: MemoryCache;
  let gateway: TestGateway;

  beforeAll(async () => {
    key = await makeSigningKey('EdDSA');
    cache = new MemoryCache();
    gateway = await gatewayWith(key, cache);
  });
  afterAll(async () => {
    await gateway.close();
    await cache.close();
  });

  const me = (token: string) => fetch(`${gateway.url}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } });

  it('answers 401 SESSION_REVOKED for a valid token of a session the auth service ended, at once', async () => {
    const token = await issueToken(key, { sid: 'session-ended' });
    expect((await me(token)).status).toBe(200);

    // What the auth service does on logout, suspension or password reset (same cache, same keys).
    await new RevocationList(cache, 600).revokeSessions(['session-ended']);
    const response = await me(token);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer');
    expect(await response.json()).toMatchObject({ code: 'SESSION_REVOKED', status: 401 });

    expect((await me(await issueToken(key, { sid: 'session-alive' }))).status).toBe(200);
  });

  it('checks revocation before roles: a revoked token on an admin route is 401, never 403', async () => {
    const token = await issueToken(key, { sid: 'admin-session-ended', roles: ['customer'] });
    await new RevocationList(cache, 600).revokeSessions(['admin-session-ended']);
    const response = await fetch(`${gateway.url}/api/v1/admin/signing-keys/rotate`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(401);
  });
});

describe('session revocation when the shared cache is down', () => {
  let key: SigningKey;
  let gateway: TestGateway;

  beforeAll(async () => {
    key = await makeSigningKey('EdDSA');
    gateway = await gatewayWith(key, unavailableCache());
  });
  afterAll(() => gateway.close());

  it('fails closed: 503 AUTH_UNAVAILABLE for a valid token, the cause in the log only', async () => {
    const token = await issueToken(key);
    const response = await fetch(`${gateway.url}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('5');
    const body = await response.text();
    expect(JSON.parse(body)).toMatchObject({ code: 'AUTH_UNAVAILABLE' });
    expect(body).not.toContain('ECONNREFUSED');
    expect(gateway.rawLogs.join('\n')).toContain('ECONNREFUSED');
  });

  it('still serves public routes, unthrottled: availability over throttling', async () => {
    const response = await fetch(`${gateway.url}/api/v1/auth/password/forgot`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'ada@example.com' }),
    });
    expect(response.status).toBe(202);
    expect(response.headers.get('ratelimit-limit')).toBeNull();
    expect(gateway.logs.some((line) => line['level'] === 'warn' && String(line['msg']).includes('rate limit'))).toBe(true);
  });
});
