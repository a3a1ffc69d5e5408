import type { commsV1 } from '@msp/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCaller, problemPaths, testIdentities, type CallApi } from '../testing/api-caller.js';
import { startTestGateway, type TestGateway } from '../testing/gateway-harness.js';
import { recorder, serviceError, UNKNOWN_ID } from '../testing/project-fixtures.js';

const NOTIFICATION_ID = '1e2d3c4b-5a69-4788-9a6b-5c4d3e2f1a0b';

const unread: commsV1.Notification = {
  id: NOTIFICATION_ID,
  type: 'task.assigned',
  title: 'WEB-42 was assigned to you',
  body: 'Fix the login page',
  link: '/projects/3d594650-3436-4d4c-9f5a-3f1a1f8e2a10/tasks/WEB-42',
  readAt: undefined,
  createdAt: new Date('2024-06-01T08:30:00Z'),
};
const read: commsV1.Notification = { ...unread, id: UNKNOWN_ID, link: '', readAt: new Date('2024-06-02T09:00:00Z') };

describe('notifications (real gateway, fake comms service)', () => {
  let gateway: TestGateway;
  let call: CallApi;
  const calls: Array<[string, unknown]> = [];
  const record = recorder(calls);

  beforeAll(async () => {
    const identities = await testIdentities();
    gateway = await startTestGateway({
      auth: { getJwks: identities.getJwks },
      comms: {
        listNotifications: record('listNotifications', () => ({ items: [unread, read], nextCursor: 'next-page', unreadCount: 7 })),
        markNotificationRead: record('markNotificationRead', (request: { id?: string }) => {
          if (request.id === UNKNOWN_ID) throw serviceError(5, 'NOTIFICATION_NOT_FOUND');
          return {};
        }),
      },
    });
    call = apiCaller(gateway, identities.customer);
  });
  afterAll(() => gateway.close());

  it('lists the caller’s notifications with the unread count and the next cursor', async () => {
    const answer = await call('GET', '/api/v1/notifications');
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      items: [
        {
          id: NOTIFICATION_ID,
          type: 'task.assigned',
          title: 'WEB-42 was assigned to you',
          body: 'Fix the login page',
          link: '/projects/3d594650-3436-4d4c-9f5a-3f1a1f8e2a10/tasks/WEB-42',
          readAt: null,
          createdAt: '2024-06-01T08:30:00.000Z',
        },
        expect.objectContaining({ id: UNKNOWN_ID, link: null, readAt: '2024-06-02T09:00:00.000Z' }),
      ],
      nextCursor: 'next-page',
      unreadCount: 7,
    });
    expect(calls.at(-1)).toEqual(['listNotifications', { limit: 20, cursor: '', unreadOnly: false }]);
  });

  it('passes the page and the unread filter on', async () => {
    expect((await call('GET', '/api/v1/notifications?limit=5&cursor=abc&unread=true')).status).toBe(200);
    expect(calls.at(-1)).toEqual(['listNotifications', { limit: 5, cursor: 'abc', unreadOnly: true }]);
    expect((await call('GET', '/api/v1/notifications?unread=false')).status).toBe(200);
    expect(calls.at(-1)).toEqual(['listNotifications', { limit: 20, cursor: '', unreadOnly: false }]);
  });

  it('refuses a bad limit, a bad unread flag and unknown parameters', async () => {
    const answer = await call('GET', '/api/v1/notifications?limit=0&unread=yes&status=new');
    expect(answer.status).toBe(400);
    expect(problemPaths(answer)).toEqual(['limit', 'status', 'unread']);
  });

  it('marks a notification read with 204, and answers 404 for one the caller cannot see', async () => {
    const marked = await call('POST', `/api/v1/notifications/${NOTIFICATION_ID}/read`);
    expect(marked.status).toBe(204);
    expect(calls.at(-1)).toEqual(['markNotificationRead', { id: NOTIFICATION_ID }]);

    const foreign = await call('POST', `/api/v1/notifications/${UNKNOWN_ID}/read`);
    expect(foreign).toMatchObject({ status: 404, body: { code: 'NOTIFICATION_NOT_FOUND' } });
    expect((await call('POST', '/api/v1/notifications/42/read')).status).toBe(404);
  });

  it('needs a signed-in caller', async () => {
    const before = calls.length;
    expect((await call('GET', '/api/v1/notifications', { token: null })).status).toBe(401);
    expect((await call('POST', `/api/v1/notifications/${NOTIFICATION_ID}/read`, { token: null })).status).toBe(401);
    expect(calls.length).toBe(before);
  });
});
