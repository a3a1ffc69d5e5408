import type { authV1, userV1 } from '@msp/contracts';
import { RemoteCallError } from '@msp/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCaller, CUSTOMER_ID, problemPaths, testIdentities, type CallApi } from '../testing/api-caller.js';
import { startTestGateway, type TestGateway } from '../testing/gateway-harness.js';
import { recorder } from '../testing/project-fixtures.js';

const account: authV1.Account = {
  userId: CUSTOMER_ID,
  email: 'ada@example.com',
  roles: ['customer'],
  emailVerified: true,
  mfaEnabled: false,
  createdAt: new Date('2024-05-01T10:00:00Z'),
  status: 'active',
};
const profile: userV1.Profile = {
  userId: CUSTOMER_ID,
  email: 'ada@example.com',
  displayName: 'Ada',
  locale: 'en',
  timezone: 'UTC',
  avatarUrl: 'https://cdn.example.com/ada.png',
  createdAt: new Date('2024-05-01T10:00:00Z'),
};
const meJson = {
  id: CUSTOMER_ID,
  email: 'ada@example.com',
  displayName: 'Ada',
  roles: ['customer'],
  emailVerified: true,
  mfaEnabled: false,
  locale: 'en',
  timezone: 'UTC',
  avatarUrl: 'https://cdn.example.com/ada.png',
  createdAt: '2024-05-01T10:00:00.000Z',
};

describe('me: profile and account deletion (real gateway, fake services)', () => {
  let gateway: TestGateway;
  let call: CallApi;
  const calls: Array<[string, unknown]> = [];
  const record = recorder(calls);

  beforeAll(async () => {
    const identities = await testIdentities();
    gateway = await startTestGateway({
      auth: {
        getJwks: identities.getJwks,
        getAccount: record('getAccount', () => ({ account })),
        deleteAccount: record('deleteAccount', (request: authV1.DeleteAccountRequest) => {
          if (request.password !== 'correct horse') {
            throw new RemoteCallError(
              3,
              'The password is wrong.',
              'VALIDATION_FAILED',
              [{ path: 'password', message: 'is wrong' }],
              '/Fake',
            );
          }
          return {};
        }),
      },
      user: {
        getProfile: record('getProfile', () => ({ profile })),
        updateProfile: record('updateProfile', (request: userV1.UpdateProfileRequest) => ({
          profile: {
            ...profile,
            ...Object.fromEntries(Object.entries(request).filter(([, value]) => value !== undefined)),
          },
        })),
      },
    });
    call = apiCaller(gateway, identities.customer);
  });
  afterAll(() => gateway.close());

  it('reads me from account and profile', async () => {
    const answer = await call('GET', '/api/v1/me');
    expect(answer).toMatchObject({ status: 200, body: meJson });
  });

  it('changes only the fields sent and answers the updated me', async () => {
    const answer = await call('PATCH', '/api/v1/me', { body: { displayName: '  Ada L.  ', timezone: 'Europe/Berlin' } });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ ...meJson, displayName: 'Ada L.', timezone: 'Europe/Berlin' });
    expect(calls.findLast(([name]) => name === 'updateProfile')).toEqual([
      'updateProfile',
      { displayName: 'Ada L.', locale: undefined, timezone: 'Europe/Berlin', avatarUrl: undefined },
    ]);
  });

  it('removes the avatar for null and for ""', async () => {
    for (const avatarUrl of [null, '']) {
      const answer = await call('PATCH', '/api/v1/me', { body: { avatarUrl } });
      expect(answer.body).toMatchObject({ avatarUrl: null });
      expect(calls.findLast(([name]) => name === 'updateProfile')?.[1]).toMatchObject({ avatarUrl: '' });
    }
  });

  it('lists every invalid field of a profile change at once', async () => {
    const answer = await call('PATCH', '/api/v1/me', {
      body: {
        displayName: 'x'.repeat(101),
        locale: 'en_GB',
        timezone: '+01:00',
        avatarUrl: 'javascript:alert(1)',
        roles: ['admin'],
      },
    });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(problemPaths(answer)).toEqual(['avatarUrl', 'displayName', 'locale', 'roles', 'timezone']);
  });

  it('deletes the account with the password and answers 202', async () => {
    const answer = await call('DELETE', '/api/v1/me', { body: { password: 'correct horse' } });
    expect(answer.status).toBe(202);
    expect(calls.at(-1)).toEqual(['deleteAccount', { password: 'correct horse' }]);
  });

  it('passes a wrong password on as 400 naming the password field, and needs one at all', async () => {
    const wrong = await call('DELETE', '/api/v1/me', { body: { password: 'guess' } });
    expect(wrong).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
    expect(problemPaths(wrong)).toEqual(['password']);
    const missing = await call('DELETE', '/api/v1/me', { body: {} });
    expect(missing.status).toBe(400);
    expect(problemPaths(missing)).toEqual(['password']);
  });

  it('needs a token', async () => {
    expect((await call('PATCH', '/api/v1/me', { body: {}, token: null })).status).toBe(401);
    expect((await call('DELETE', '/api/v1/me', { body: { password: 'x' }, token: null })).status).toBe(401);
  });
});
