import { fireEvent, screen, waitFor } from 'expo-router/testing-library';

import { routeForLink, type AppNotification } from '../features/notifications/notifications-api';
import { installFakeGateway, json } from '../test-support/fake-gateway';
import { page, PROJECT_ID, task, workspaceRoutes } from '../test-support/fixtures';
import { pullToRefresh, scrollToEnd } from '../test-support/list-gestures';
import { renderApp, storeSession } from '../test-support/render-app';

const assigned = task({ number: 5, title: 'Review the pricing page' });

function notification(overrides: Partial<AppNotification>): AppNotification {
  return {
    id: 'n-1',
    type: 'task.assigned',
    title: 'Title',
    body: '',
    link: null,
    readAt: null,
    createdAt: '2025-01-05T10:00:00.000Z',
    ...overrides,
  };
}

let gateway: ReturnType<typeof installFakeGateway>;
beforeEach(() => storeSession());
afterEach(() => gateway.restore());

it('shows the unread count on the tab, marks a notification read when opened and opens the task it links to', async () => {
  let unread = 2;
  const items = [
    // As the platform writes task links: by key, which the app resolves to the task's id.
    notification({ id: 'n-1', title: 'You were assigned WEB-5', link: `/projects/${PROJECT_ID}/tasks/WEB-5` }),
    notification({ id: 'n-2', title: 'Grace commented on WEB-2' }),
    notification({ id: 'n-3', title: 'Welcome', readAt: '2025-01-01T10:00:00.000Z' }),
  ];
  gateway = installFakeGateway({
    ...workspaceRoutes(),
    'GET /api/v1/notifications': () => json(200, { ...page(items), unreadCount: unread }),
    'POST /api/v1/notifications/n-1/read': () => {
      unread -= 1;
      return { status: 204 };
    },
    [`GET /api/v1/projects/${PROJECT_ID}/tasks`]: () => json(200, page([task({ number: 6 }), assigned])),
    [`GET /api/v1/projects/${PROJECT_ID}/tasks/${assigned.id}`]: () => json(200, assigned),
    [`GET /api/v1/projects/${PROJECT_ID}/tasks/${assigned.id}/comments`]: () => json(200, page([])),
  });
  const app = renderApp('/');

  fireEvent.press(await screen.findByRole('button', { name: 'Notifications, 2 unread' }));
  fireEvent.press(await screen.findByRole('button', { name: 'Unread notification: You were assigned WEB-5. Opening marks it read.' }));

  expect(await screen.findByRole('header', { name: 'Review the pricing page' })).toBeOnTheScreen();
  expect(app.getPathname()).toBe(`/projects/${PROJECT_ID}/tasks/${assigned.id}`);
  expect(gateway.to('POST /api/v1/notifications/n-1/read')).toHaveLength(1);
  // The tabs are behind the task now (hidden from assistive technology), but kept up to date.
  expect(await screen.findByLabelText('Notifications, 1 unread', { includeHiddenElements: true })).toBeTruthy();
  expect(screen.getByLabelText('Notification: You were assigned WEB-5', { includeHiddenElements: true })).toBeTruthy();
});

it('pages through notifications with the cursor and refreshes on pull', async () => {
  gateway = installFakeGateway({
    ...workspaceRoutes(),
    'GET /api/v1/notifications': ({ query }) =>
      query.cursor === 'n-page-2'
        ? json(200, { ...page([notification({ id: 'n-9', title: 'Older one', readAt: '2025-01-01T10:00:00.000Z' })]), unreadCount: 1 })
        : json(200, { ...page([notification({ id: 'n-1', title: 'Newest' })], 'n-page-2'), unreadCount: 1 }),
  });
  renderApp('/notifications');

  const list = await screen.findByTestId('notifications-list');
  await screen.findByRole('button', { name: /Newest/ });
  scrollToEnd(list);

  expect(await screen.findByRole('button', { name: 'Notification: Older one' })).toBeOnTheScreen();
  const before = gateway.to('GET /api/v1/notifications').length;
  pullToRefresh(list);
  await waitFor(() => expect(gateway.to('GET /api/v1/notifications').length).toBeGreaterThan(before));
});

describe('routeForLink', () => {
  it('maps project and task links of the workspace, by id or key, and nothing else', () => {
    expect(routeForLink(`/projects/${PROJECT_ID}`)).toBe(`/projects/${PROJECT_ID}`);
    expect(routeForLink(`/projects/${PROJECT_ID}/tasks/WEB-42`)).toBe(`/projects/${PROJECT_ID}/tasks/WEB-42`);
    expect(routeForLink(`https://app.example.test/projects/${PROJECT_ID}/tasks/${assigned.id}?from=mail`)).toBe(
      `/projects/${PROJECT_ID}/tasks/${assigned.id}`,
    );
    expect(routeForLink(`/projects/${PROJECT_ID}/billing`)).toBeNull();
    expect(routeForLink('/invitations/accept?token=abc')).toBeNull();
    expect(routeForLink(null)).toBeNull();
  });
});
