import { RemoteCallError } from '@msp/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueToken, jwksJsonOf, makeSigningKey, startTestGateway, type TestGateway } from '../testing/gateway-harness.js';

const USER_ID = '3a4b5c6d-7e8f-4a1b-8c2d-3e4f5a6b7c8d';
const ADMIN_ID = '9f8e7d6c-5b4a-4392-8a1b-0c9d8e7f6a5b';

describe('admin account controls (real gateway, fake auth service)', () => {
  let gateway: TestGateway;
  let admin: string;
  let customer: string;
  const calls: Array<[string, unknown]> = [];
  const record = (name: string) => async (request: unknown) => (calls.push([name, request]), {});

  beforeAll(async () => {
    const key = await makeSigningKey('EdDSA');
    admin = await issueToken(key, { sub: ADMIN_ID, roles: ['customer', 'admin'] });
    customer = await issueToken(key, { roles: ['customer'] });
    gateway = await startTestGateway({
      auth: {
        getJwks: async () => ({ jwksJson: jwksJsonOf(key) }),
        suspendAccount: async (request) => {
          if (request.userId === ADMIN_ID) {
            throw new RemoteCallError(
              9,
              'You cannot change your own account.',
              'CANNOT_CHANGE_OWN_ACCOUNT',
              [],
              '/AuthService/SuspendAccount',
            );
          }
          return record('suspend')(request);
        },
        unsuspendAccount: record('unsuspend'),
        revokeAllSessions: record('revokeAll'),
        setRoles: async (request) => {
          calls.push(['setRoles', request]);
          return {
            account: {
              userId: request.userId ?? '',
              email: 'ada@example.com',
              roles: request.roles ?? [],
              emailVerified: true,
              mfaEnabled: false,
              createdAt: new Date('2024-05-01T10:00:00Z'),
              status: 'active',
            },
          };
        },
        rotateSigningKey: async () => ({ kid: 'key-2024-06' }),
      },
    });
  });
  afterAll(() => gateway.close());

  const call = (method: string, path: string, token = admin, body?: unknown) =>
    fetch(`${gateway.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  it('suspends, unsuspends and force-logs-out an account by id', async () => {
    for (const [action, name] of [
      ['suspend', 'suspend'],
      ['unsuspend', 'unsuspend'],
      ['logout', 'revokeAll'],
    ] as const) {
      const response = await call('POST', `/api/v1/admin/users/${USER_ID}/${action}`);
      expect(response.status, action).toBe(204);
      expect(calls.at(-1)).toEqual([name, { userId: USER_ID }]);
    }
  });

  it("passes the service's refusal on, and answers 404 for an id that is not a UUID", async () => {
    const own = await call('POST', `/api/v1/admin/users/${ADMIN_ID}/suspend`);
    expect(own.status).toBe(422);
    expect(await own.json()).toMatchObject({ code: 'CANNOT_CHANGE_OWN_ACCOUNT' });
    expect((await call('POST', '/api/v1/admin/users/42/suspend')).status).toBe(404);
  });

  it('replaces the roles and answers the account', async () => {
    const response = await call('PUT', `/api/v1/admin/users/${USER_ID}/roles`, admin, { roles: ['customer', 'admin'] });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      id: USER_ID,
      email: 'ada@example.com',
      roles: ['customer', 'admin'],
      status: 'active',
      emailVerified: true,
      mfaEnabled: false,
      createdAt: '2024-05-01T10:00:00.000Z',
    });
    expect(calls.at(-1)).toEqual(['setRoles', { userId: USER_ID, roles: ['customer', 'admin'] }]);
  });

  it('accepts only 1–2 distinct known roles', async () => {
    for (const roles of [[], ['customer', 'customer'], ['owner'], ['customer', 'admin', 'admin'], 'admin']) {
      const response = await call('PUT', `/api/v1/admin/users/${USER_ID}/roles`, admin, { roles });
      expect(response.status, JSON.stringify(roles)).toBe(400);
      const problem = (await response.json()) as { code: string; errors: Array<{ path: string }> };
      expect(problem.code).toBe('VALIDATION_FAILED');
      expect(problem.errors.length).toBeGreaterThan(0);
      expect(problem.errors.every((error) => error.path.startsWith('roles'))).toBe(true);
    }
  });

  it('rotates the signing key, answering the new kid', async () => {
    const response = await call('POST', '/api/v1/admin/signing-keys/rotate');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ kid: 'key-2024-06' });
  });

  it('refuses customers with 403 before calling the service', async () => {
    const before = calls.length;
    for (const [method, path] of [
      ['POST', `/api/v1/admin/users/${USER_ID}/suspend`],
      ['POST', `/api/v1/admin/users/${USER_ID}/logout`],
      ['POST', '/api/v1/admin/signing-keys/rotate'],
    ] as const) {
      expect((await call(method, path, customer)).status, path).toBe(403);
    }
    expect(calls).toHaveLength(before);
  });
});
