import { screen } from 'expo-router/testing-library';

import { installFakeGateway, json, problem, type RecordedRequest } from '../test-support/fake-gateway';
import { me, page, project, PROJECT_ID, task, workspaceRoutes } from '../test-support/fixtures';
import { renderApp, secureStore, storeSession } from '../test-support/render-app';

let gateway: ReturnType<typeof installFakeGateway>;
afterEach(() => gateway.restore());

/** Every data route answers 401 to the expired token and its data to the renewed one. */
function expiringRoutes(routes: Record<string, (request: RecordedRequest) => ReturnType<typeof json>>) {
  return Object.fromEntries(
    Object.entries(routes).map(([route, answer]) => [
      route,
      (request: RecordedRequest) =>
        request.authorization === 'Bearer access-new' ? answer(request) : problem(401, 'UNAUTHENTICATED', 'The access token has expired.'),
    ]),
  );
}

it('renews an expired session once for all the screen’s parallel requests, then shows their data', async () => {
  storeSession('access-old', 'refresh-old');
  gateway = installFakeGateway({
    ...expiringRoutes({
      ...workspaceRoutes(),
      'GET /api/v1/projects': () => json(200, page([project()])),
      [`GET /api/v1/projects/${PROJECT_ID}/tasks`]: () => json(200, page([task({ number: 7, title: 'Renewed' })])),
    }),
    'POST /api/v1/auth/refresh': () =>
      json(200, { accessToken: 'access-new', refreshToken: 'refresh-new', tokenType: 'Bearer', expiresIn: 600 }),
  });

  renderApp(`/projects/${PROJECT_ID}`);

  expect(await screen.findByRole('button', { name: 'Open WEB-7: Renewed' })).toBeOnTheScreen();
  const rejected = gateway.requests.filter((r) => r.authorization === 'Bearer access-old');
  expect(rejected.length).toBeGreaterThanOrEqual(4);
  expect(gateway.to('POST /api/v1/auth/refresh')).toHaveLength(1);
  expect(gateway.to('POST /api/v1/auth/refresh')[0]?.body).toEqual({ refreshToken: 'refresh-old' });
  expect(secureStore().values.get('msp.refreshToken')).toBe('refresh-new');
});

it('goes back to sign-in when the refresh token is no longer valid', async () => {
  storeSession('access-old', 'refresh-old');
  gateway = installFakeGateway({
    ...expiringRoutes({ 'GET /api/v1/me': () => json(200, me()), 'GET /api/v1/projects': () => json(200, page([])) }),
    'GET /api/v1/notifications': () => problem(401, 'UNAUTHENTICATED', 'The access token has expired.'),
    'POST /api/v1/auth/refresh': () => problem(401, 'REFRESH_TOKEN_INVALID', 'The refresh token is no longer valid.'),
  });

  const app = renderApp('/');

  expect(await screen.findByLabelText('Email')).toBeOnTheScreen();
  expect(app.getPathname()).toBe('/sign-in');
  expect(gateway.to('POST /api/v1/auth/refresh')).toHaveLength(1);
  expect(secureStore().values.size).toBe(0);
});
