import type { authV1, userV1 } from '@msp/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCaller, problemPaths, testIdentities, type CallApi } from '../testing/api-caller.js';
import { startTestGateway, type TestGateway } from '../testing/gateway-harness.js';
import { recorder, serviceError, UNKNOWN_ID } from '../testing/project-fixtures.js';

const USER_ID = '3a4b5c6d-7e8f-4a1b-8c2d-3e4f5a6b7c8d';
const GONE_ID = '4b5c6d7e-8f90-4b2c-9d3e-4f5a6b7c8d9e';
const createdAt = new Date('2024-05-01T10:00:00Z');

const summary = (userId: string, status: string): userV1.UserSummary => ({
  userId,
  email: 'ada@example.com',
  displayName: 'Ada',
  roles: ['customer'],
  status,
  emailVerified: true,
  createdAt,
});
const summaryJson = {
  id: USER_ID,
  email: 'ada@example.com',
  displayName: 'Ada',
  roles: ['customer'],
  status: 'active',
  emailVerified: true,
  createdAt: '2024-05-01T10:00:00.000Z',
};
const liveAccount: authV1.Account = {
  userId: USER_ID,
  email: 'ada@example.com',
  roles: ['customer', 'admin'],
  emailVerified: true,
  mfaEnabled: true,
  createdAt,
  status: 'suspended',
};

describe('admin user directory (real gateway, fake services)', () => {
  let gateway: TestGateway;
  let call: CallApi;
  let customer: string;
  const calls: Array<[string, unknown]> = [];
  const record = recorder(calls);

  beforeAll(async () => {
    const identities = await testIdentities();
    customer = identities.customer;
    gateway = await startTestGateway({
      auth: {
        getJwks: identities.getJwks,
        getAccountDetails: record('getAccountDetails', (request: authV1.GetAccountDetailsRequest) => {
          if (request.userId !== USER_ID) throw serviceError(5, 'ACCOUNT_NOT_FOUND');
          return { account: liveAccount, sessionsCount: 2 };
        }),
      },
      user: {
        listUsers: record('listUsers', (request: userV1.ListUsersRequest) => ({
          items: [summary(USER_ID, 'active')],
          nextCursor: request.cursor ? '' : 'page-2',
        })),
        getUser: record('getUser', (request: userV1.GetUserRequest) => {
          if (request.userId === GONE_ID) return { user: summary(GONE_ID, 'deleted'), profile: undefined };
          if (request.userId !== USER_ID) throw serviceError(5, 'USER_NOT_FOUND');
          const profile = {
            userId: USER_ID,
            email: 'ada@example.com',
            displayName: 'Ada',
            locale: 'de',
            timezone: 'Europe/Berlin',
            avatarUrl: '',
            createdAt,
          };
          return { user: summary(USER_ID, 'active'), profile };
        }),
      },
      project: {
        getUserStats: record('getUserStats', () => ({ projectsCount: 4 })),
      },
    });
    call = apiCaller(gateway, identities.admin);
  });
  afterAll(() => gateway.close());

  it('lists users with the filters passed on and "" for the ones not given', async () => {
    const first = await call('GET', '/api/v1/admin/users?q=%20ada%20&status=active&role=admin&limit=10');
    expect(first).toMatchObject({ status: 200, body: { items: [summaryJson], nextCursor: 'page-2' } });
    expect(calls.at(-1)).toEqual(['listUsers', { q: 'ada', status: 'active', role: 'admin', limit: 10, cursor: '' }]);

    const last = await call('GET', '/api/v1/admin/users?cursor=page-2');
    expect(last.body).toMatchObject({ nextCursor: null });
    expect(calls.at(-1)).toEqual(['listUsers', { q: '', status: '', role: '', limit: 20, cursor: 'page-2' }]);
  });

  it('refuses unknown statuses and roles, long searches and unknown parameters', async () => {
    const answer = await call('GET', `/api/v1/admin/users?status=banned&role=owner&q=${'x'.repeat(201)}&sort=email`);
    expect(answer.status).toBe(400);
    expect(problemPaths(answer)).toEqual(['q', 'role', 'sort', 'status']);
  });

  it("composes one user's detail from user, auth and project, auth's live facts winning", async () => {
    const before = calls.length;
    const answer = await call('GET', `/api/v1/admin/users/${USER_ID}`);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      ...summaryJson,
      roles: ['customer', 'admin'],
      status: 'suspended',
      mfaEnabled: true,
      locale: 'de',
      timezone: 'Europe/Berlin',
      avatarUrl: null,
      sessionsCount: 2,
      projectsCount: 4,
    });
    expect(calls.slice(before)).toEqual(
      expect.arrayContaining([
        ['getUser', { userId: USER_ID }],
        ['getAccountDetails', { userId: USER_ID }],
        ['getUserStats', { userId: USER_ID }],
      ]),
    );
  });

  it('shows a deleted account from the directory alone, with no sessions', async () => {
    const answer = await call('GET', `/api/v1/admin/users/${GONE_ID}`);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ id: GONE_ID, status: 'deleted', sessionsCount: 0, mfaEnabled: false, locale: null });
  });

  it('answers 404 for an unknown user and for an id that is not a UUID', async () => {
    expect(await call('GET', `/api/v1/admin/users/${UNKNOWN_ID}`)).toMatchObject({ status: 404, body: { code: 'USER_NOT_FOUND' } });
    expect((await call('GET', '/api/v1/admin/users/42')).status).toBe(404);
  });

  it('refuses customers with 403 before calling any service', async () => {
    const before = calls.length;
    for (const path of ['/api/v1/admin/users', `/api/v1/admin/users/${USER_ID}`]) {
      expect(await call('GET', path, { token: customer }), path).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
    }
    expect(calls).toHaveLength(before);
  });
});
