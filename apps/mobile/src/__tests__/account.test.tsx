import { fireEvent, screen, waitFor } from 'expo-router/testing-library';

import { installFakeGateway, json } from '../test-support/fake-gateway';
import { me, workspaceRoutes } from '../test-support/fixtures';
import { renderApp, storeSession } from '../test-support/render-app';

let gateway: ReturnType<typeof installFakeGateway>;
beforeEach(() => storeSession());
afterEach(() => gateway.restore());

it('changes the display name', async () => {
  gateway = installFakeGateway({
    ...workspaceRoutes(),
    'PATCH /api/v1/me': ({ body }) => json(200, me(body as object)),
  });
  renderApp('/account');

  const field = await screen.findByLabelText('Display name');
  await screen.findByText('ada@example.com');
  fireEvent.changeText(field, 'Ada King');
  fireEvent.press(screen.getByRole('button', { name: 'Save profile' }));

  expect(await screen.findByText('Ada King')).toBeOnTheScreen();
  expect(gateway.to('PATCH /api/v1/me')[0]?.body).toEqual({ displayName: 'Ada King' });
});

it('turns an email category off and keeps security emails locked on', async () => {
  let saved = { email: { security: true, tasks: true, product: false } };
  gateway = installFakeGateway({
    ...workspaceRoutes(),
    'GET /api/v1/me/notification-preferences': () => json(200, saved),
    'PUT /api/v1/me/notification-preferences': ({ body }) => {
      saved = body as typeof saved;
      return json(200, saved);
    },
  });
  renderApp('/account');

  fireEvent.press(await screen.findByRole('button', { name: 'Notification preferences' }));
  const tasks = await screen.findByRole('switch', { name: 'Emails about Tasks and comments' });
  expect(screen.getByRole('switch', { name: 'Emails about Security (sign-ins, password changes)' })).toBeDisabled();

  fireEvent(tasks, 'valueChange', false);

  expect(await screen.findByRole('switch', { name: 'Emails about Tasks and comments', checked: false })).toBeOnTheScreen();
  expect(gateway.to('PUT /api/v1/me/notification-preferences')[0]?.body).toEqual({
    email: { security: true, tasks: false, product: false },
  });
});

it('lists the active sessions and signs out another device', async () => {
  let sessions = [
    {
      id: 's-1',
      createdAt: '2025-01-01T10:00:00.000Z',
      lastUsedAt: '2025-01-05T10:00:00.000Z',
      userAgent: 'MSP iPhone',
      ip: '10.0.0.2',
      current: true,
    },
    {
      id: 's-2',
      createdAt: '2025-01-02T10:00:00.000Z',
      lastUsedAt: '2025-01-04T10:00:00.000Z',
      userAgent: 'Firefox on Linux',
      ip: null,
      current: false,
    },
  ];
  gateway = installFakeGateway({
    ...workspaceRoutes(),
    'GET /api/v1/auth/sessions': () => json(200, { items: sessions }),
    'DELETE /api/v1/auth/sessions/s-2': () => {
      sessions = sessions.filter((s) => s.id !== 's-2');
      return { status: 204 };
    },
  });
  renderApp('/sessions');

  expect(await screen.findByText('Firefox on Linux')).toBeOnTheScreen();
  // The current device has no revoke button: it signs out from the account screen.
  expect(screen.getAllByRole('button', { name: /^Sign out the session on/ })).toHaveLength(1);

  fireEvent.press(screen.getByRole('button', { name: /^Sign out the session on Firefox on Linux/ }));

  await waitFor(() => expect(screen.queryByText('Firefox on Linux')).toBeNull());
  expect(screen.getByText(/MSP iPhone/)).toBeOnTheScreen();
  expect(screen.queryByRole('button', { name: /^Sign out the session on/ })).toBeNull();
  expect(gateway.to('DELETE /api/v1/auth/sessions/s-2')).toHaveLength(1);
});
