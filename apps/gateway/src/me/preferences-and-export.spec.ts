import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCaller, problemPaths, testIdentities, type CallApi } from '../testing/api-caller.js';
import { startTestGateway, type TestGateway } from '../testing/gateway-harness.js';
import { recorder } from '../testing/project-fixtures.js';

describe('me: notification preferences and data export (real gateway, fake services)', () => {
  let gateway: TestGateway;
  let call: CallApi;
  const calls: Array<[string, unknown]> = [];
  const record = recorder(calls);
  let projectExport = JSON.stringify({ memberships: [{ key: 'WEB', role: 'owner' }], tasks: [] });

  beforeAll(async () => {
    const identities = await testIdentities();
    gateway = await startTestGateway({
      auth: {
        getJwks: identities.getJwks,
        exportUserData: record('auth.export', () => ({
          json: JSON.stringify({ account: { email: 'ada@example.com', status: 'active' }, sessions: [] }),
        })),
      },
      user: {
        getPreferences: record('getPreferences', () => ({ email: { security: true, task_assigned: false } })),
        // The service keeps security emails on whatever is sent.
        updatePreferences: record('updatePreferences', (request: { email?: Record<string, boolean> }) => ({
          email: { ...request.email, security: true },
        })),
        // The user service keeps a copy of account facts, possibly stale, beside the profile.
        exportUserData: record('user.export', () => ({
          json: JSON.stringify({
            profile: { displayName: 'Ada' },
            notificationPreferences: {},
            account: { status: 'stale', roles: ['customer'] },
          }),
        })),
      },
      project: {
        exportUserData: record('project.export', () => ({ json: projectExport })),
      },
      comms: {
        exportUserData: record('comms.export', () => ({
          json: JSON.stringify({
            emailRecipient: { email: 'ada@example.com', displayName: 'Ada', locale: 'en' },
            notifications: { items: [{ type: 'task.assigned', title: 'Grace assigned you WEB-1' }], truncated: false },
            emailDeliveries: { items: [], truncated: true },
          }),
        })),
      },
    });
    call = apiCaller(gateway, identities.customer);
  });
  afterAll(() => gateway.close());

  it('reads the preferences per category', async () => {
    const answer = await call('GET', '/api/v1/me/notification-preferences');
    expect(answer).toMatchObject({ status: 200, body: { email: { security: true, task_assigned: false } } });
  });

  it('replaces the preferences and answers what the service kept', async () => {
    const answer = await call('PUT', '/api/v1/me/notification-preferences', { body: { email: { security: false, invitations: true } } });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ email: { security: true, invitations: true } });
    expect(calls.at(-1)).toEqual(['updatePreferences', { email: { security: false, invitations: true } }]);
  });

  it('refuses non-boolean values, odd category names and unknown fields', async () => {
    const answer = await call('PUT', '/api/v1/me/notification-preferences', {
      body: { email: { security: 'yes', 'Bad Name': true }, sms: {} },
    });
    expect(answer.status).toBe(400);
    expect(problemPaths(answer)).toEqual(['email.Bad Name', 'email.security', 'sms']);
    expect((await call('PUT', '/api/v1/me/notification-preferences', { body: {} })).status).toBe(400);
  });

  it('exports one JSON object composed from every service, asking each once; shared sections merge, the owner first', async () => {
    const before = calls.length;
    const answer = await call('GET', '/api/v1/me/export');
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      exportedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT.*Z$/),
      account: { email: 'ada@example.com', status: 'active', roles: ['customer'] },
      sessions: [],
      profile: { displayName: 'Ada' },
      notificationPreferences: {},
      memberships: [{ key: 'WEB', role: 'owner' }],
      tasks: [],
      emailRecipient: { email: 'ada@example.com', displayName: 'Ada', locale: 'en' },
      notifications: { items: [{ type: 'task.assigned', title: 'Grace assigned you WEB-1' }], truncated: false },
      emailDeliveries: { items: [], truncated: true },
    });
    expect(
      calls
        .slice(before)
        .map(([name]) => name)
        .sort(),
    ).toEqual(['auth.export', 'comms.export', 'project.export', 'user.export']);
  });

  it('fails loudly rather than drop a section two services answered in shapes that cannot merge', async () => {
    projectExport = JSON.stringify({ sessions: { leaked: true } });
    try {
      const answer = await call('GET', '/api/v1/me/export');
      expect(answer).toMatchObject({ status: 500, body: { code: 'INTERNAL' } });
      expect(JSON.stringify(answer.body)).not.toContain('leaked');
    } finally {
      projectExport = JSON.stringify({ memberships: [] });
    }
  });
});
