import { currentContext, RemoteCallError, type RequestContext } from '@msp/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueToken, jwksJsonOf, makeSigningKey, startTestGateway, type TestGateway } from '../testing/gateway-harness.js';

const USER_ID = '6f1c1d1e-8a43-4a8e-9d0f-1f2a3b4c5d6e';
const CURRENT = '0d9a3c5e-1111-4a8e-9d0f-1f2a3b4c5d6e';
const OTHER = '0d9a3c5e-2222-4a8e-9d0f-1f2a3b4c5d6e';

describe('session endpoints (real gateway, fake auth service)', () => {
  let gateway: TestGateway;
  let token: string;
  const revoked: Array<{ sessionId: string | undefined; context: RequestContext | undefined }> = [];
  let othersRevokedBy: RequestContext | undefined;

  beforeAll(async () => {
    const key = await makeSigningKey('EdDSA');
    token = await issueToken(key, { sub: USER_ID, sid: CURRENT });
    gateway = await startTestGateway({
      auth: {
        getJwks: async () => ({ jwksJson: jwksJsonOf(key) }),
        listSessions: async () => ({
          sessions: [
            {
              id: CURRENT,
              createdAt: new Date('2024-05-01T10:00:00Z'),
              lastUsedAt: new Date('2024-05-02T08:30:00Z'),
              userAgent: 'Firefox/126',
              ip: '203.0.113.7',
              current: true,
            },
            { id: OTHER, createdAt: new Date('2024-04-01T09:00:00Z'), lastUsedAt: undefined, userAgent: '', ip: '', current: false },
          ],
        }),
        revokeSession: async (request) => {
          revoked.push({ sessionId: request.sessionId, context: currentContext() });
          if (request.sessionId !== OTHER)
            throw new RemoteCallError(5, 'No such session.', 'SESSION_NOT_FOUND', [], '/AuthService/RevokeSession');
          return {};
        },
        revokeOtherSessions: async () => {
          othersRevokedBy = currentContext();
          return {};
        },
      },
    });
  });
  afterAll(() => gateway.close());

  const call = (method: string, path: string, headers: Record<string, string> = { authorization: `Bearer ${token}` }) =>
    fetch(`${gateway.url}${path}`, { method, headers });

  it("lists the caller's sessions with ISO times and null for what the client never sent", async () => {
    const response = await call('GET', '/api/v1/auth/sessions');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      items: [
        {
          id: CURRENT,
          createdAt: '2024-05-01T10:00:00.000Z',
          lastUsedAt: '2024-05-02T08:30:00.000Z',
          userAgent: 'Firefox/126',
          ip: '203.0.113.7',
          current: true,
        },
        // Never refreshed: last used when it was created.
        {
          id: OTHER,
          createdAt: '2024-04-01T09:00:00.000Z',
          lastUsedAt: '2024-04-01T09:00:00.000Z',
          userAgent: null,
          ip: null,
          current: false,
        },
      ],
    });
  });

  it('ends one session of the caller, who reaches the service only through the call context', async () => {
    const response = await call('DELETE', `/api/v1/auth/sessions/${OTHER}`);
    expect(response.status).toBe(204);
    expect(await response.text()).toBe('');
    expect(revoked.at(-1)).toEqual({
      sessionId: OTHER,
      context: expect.objectContaining({ caller: { userId: USER_ID, sessionId: CURRENT, roles: ['user'] } }),
    });
  });

  it("answers 404 for a session that is not the caller's, and for an id that is not a UUID without calling", async () => {
    const unknown = await call('DELETE', '/api/v1/auth/sessions/0d9a3c5e-3333-4a8e-9d0f-1f2a3b4c5d6e');
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ code: 'SESSION_NOT_FOUND' });

    const before = revoked.length;
    const malformed = await call('DELETE', '/api/v1/auth/sessions/not-a-uuid');
    expect(malformed.status).toBe(404);
    expect(await malformed.json()).toMatchObject({ code: 'NOT_FOUND' });
    expect(revoked).toHaveLength(before);
  });

  it('ends every other session of the caller', async () => {
    const response = await call('DELETE', '/api/v1/auth/sessions');
    expect(response.status).toBe(204);
    expect(othersRevokedBy?.caller).toEqual({ userId: USER_ID, sessionId: CURRENT, roles: ['user'] });
  });

  it('needs a signed-in caller', async () => {
    expect((await call('GET', '/api/v1/auth/sessions', {})).status).toBe(401);
    expect((await call('DELETE', '/api/v1/auth/sessions', {})).status).toBe(401);
  });
});
