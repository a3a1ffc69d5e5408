import { currentContext, RemoteCallError, type RequestContext } from '@msp/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueToken, jwksJsonOf, makeSigningKey, startTestGateway, type SigningKey, type TestGateway } from '../testing/gateway-harness.js';

const USER_ID = '6f1c1d1e-8a43-4a8e-9d0f-1f2a3b4c5d6e';
const createdAt = new Date('2024-05-01T10:00:00Z');

describe('authentication guard (real gateway, fake backends)', () => {
  let key: SigningKey;
  let gateway: TestGateway;
  const seen: Array<RequestContext | undefined> = [];

  beforeAll(async () => {
    key = await makeSigningKey('EdDSA');
    gateway = await startTestGateway({
      auth: {
        getJwks: async () => ({ jwksJson: jwksJsonOf(key) }),
        getAccount: async () => {
          seen.push(currentContext());
          return {
            account: {
              userId: USER_ID,
              email: 'ada@example.com',
              roles: ['user'],
              emailVerified: true,
              mfaEnabled: false,
              createdAt,
              status: 'active',
            },
          };
        },
      },
      user: {
        getProfile: async (request) => {
          seen.push(currentContext());
          return {
            profile: {
              userId: request.userId ?? '',
              email: 'ada@example.com',
              displayName: 'Ada',
              locale: 'en',
              timezone: 'Europe/Paris',
              avatarUrl: '',
              createdAt,
            },
          };
        },
      },
      comms: { listEmailDeliveries: async () => ({ items: [], nextCursor: '' }) },
    });
  });
  afterAll(() => gateway.close());

  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${gateway.url}${path}`, { headers });

  it('answers 401 without a bearer token', async () => {
    const response = await get('/api/v1/me');
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer');
    expect(await response.json()).toMatchObject({ code: 'UNAUTHENTICATED', status: 401 });
  });

  it('answers 401 for a malformed authorization header and for an expired token', async () => {
    expect((await get('/api/v1/me', { authorization: 'Basic abc' })).status).toBe(401);
    const expired = await issueToken(key, { expiresAt: Math.floor(Date.now() / 1000) - 5 });
    const response = await get('/api/v1/me', { authorization: `Bearer ${expired}` });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('serves /me from both services, with caller and correlation id in the call context', async () => {
    const token = await issueToken(key, { sub: USER_ID, sid: 'session-7', roles: ['user'] });
    seen.length = 0;
    const response = await get('/api/v1/me', { authorization: `Bearer ${token}`, 'x-request-id': 'me-1' });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      id: USER_ID,
      email: 'ada@example.com',
      displayName: 'Ada',
      roles: ['user'],
      emailVerified: true,
      mfaEnabled: false,
      locale: 'en',
      timezone: 'Europe/Paris',
      avatarUrl: null,
      createdAt: '2024-05-01T10:00:00.000Z',
    });
    expect(seen).toHaveLength(2);
    for (const context of seen) {
      expect(context).toEqual({ correlationId: 'me-1', caller: { userId: USER_ID, sessionId: 'session-7', roles: ['user'] } });
    }
  });

  it('answers 403 to a user on an admin route, whatever identity headers the client sends', async () => {
    const token = await issueToken(key, { roles: ['user'] });
    const response = await get('/api/v1/admin/emails', {
      authorization: `Bearer ${token}`,
      'x-caller': JSON.stringify({ userId: 'x', sessionId: 'y', roles: ['admin'] }),
    });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('lets an admin through to an admin route', async () => {
    const token = await issueToken(key, { roles: ['user', 'admin'] });
    const response = await get('/api/v1/admin/emails', { authorization: `Bearer ${token}` });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ items: [], nextCursor: null });
  });

  it('ignores tokens on public routes', async () => {
    expect((await get('/health/live', { authorization: 'Bearer garbage' })).status).toBe(200);
  });
});

describe('authentication guard without a keys source', () => {
  let gateway: TestGateway;

  beforeAll(async () => {
    gateway = await startTestGateway({
      auth: { getJwks: () => Promise.reject(new RemoteCallError(14, 'No connection established', undefined, [], '/AuthService/GetJwks')) },
    });
  });
  afterAll(() => gateway.close());

  it('answers 503 AUTH_UNAVAILABLE, but still 401 when there is no token at all', async () => {
    const token = await issueToken(await makeSigningKey('EdDSA'));
    const response = await fetch(`${gateway.url}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(503);
    const problem = (await response.json()) as { code: string; detail: string };
    expect(problem.code).toBe('AUTH_UNAVAILABLE');
    expect(problem.detail).not.toContain('No connection');
    expect((await fetch(`${gateway.url}/api/v1/me`)).status).toBe(401);
  });
});
