import { fireEvent, screen } from 'expo-router/testing-library';

import { installFakeGateway, json, problem } from '../test-support/fake-gateway';
import { me, page, tokens } from '../test-support/fixtures';
import { renderApp, secureStore, storeSession } from '../test-support/render-app';

let gateway: ReturnType<typeof installFakeGateway>;
afterEach(() => gateway.restore());

const signedInRoutes = {
  'GET /api/v1/me': () => json(200, me()),
  'GET /api/v1/projects': () => json(200, page([])),
  'GET /api/v1/notifications': () => json(200, { ...page([]), unreadCount: 0 }),
};

async function submitCredentials(email: string, password: string) {
  fireEvent.changeText(await screen.findByLabelText('Email'), email);
  fireEvent.changeText(screen.getByLabelText('Password'), password);
  fireEvent.press(screen.getByRole('button', { name: 'Sign in' }));
}

it('sends a signed-out visitor to sign-in, signs in and keeps the tokens in secure storage', async () => {
  gateway = installFakeGateway({ 'POST /api/v1/auth/login': () => json(200, tokens), ...signedInRoutes });
  const app = renderApp('/');
  expect(await screen.findByLabelText('Email')).toBeOnTheScreen();
  expect(app.getPathname()).toBe('/sign-in');

  await submitCredentials('ada@example.com', 'correct horse');

  expect(await screen.findByText('No projects yet. Projects you create or are invited to appear here.')).toBeOnTheScreen();
  expect(app.getPathname()).toBe('/');
  expect(gateway.to('POST /api/v1/auth/login')[0]?.body).toEqual({ email: 'ada@example.com', password: 'correct horse' });
  expect(secureStore().setItemAsync).toHaveBeenCalledWith('msp.accessToken', 'access-1');
  expect(secureStore().setItemAsync).toHaveBeenCalledWith('msp.refreshToken', 'refresh-1');
  expect(gateway.to('GET /api/v1/projects')[0]?.authorization).toBe('Bearer access-1');
});

it('shows an alert on wrong credentials and stores nothing', async () => {
  gateway = installFakeGateway({ 'POST /api/v1/auth/login': () => problem(401, 'INVALID_CREDENTIALS', 'Invalid email or password.') });
  renderApp('/sign-in');

  await submitCredentials('ada@example.com', 'wrong');

  expect(await screen.findByRole('alert')).toHaveTextContent('Email or password is incorrect.');
  expect(screen.getByRole('button', { name: 'Sign in' })).toBeEnabled();
  expect(secureStore().setItemAsync).not.toHaveBeenCalled();
});

it('shows field errors from the gateway under their fields', async () => {
  gateway = installFakeGateway({
    'POST /api/v1/auth/login': () =>
      problem(400, 'VALIDATION_FAILED', 'The request is invalid.', [{ path: '/email', message: 'Must be an email.' }]),
  });
  renderApp('/sign-in');

  await submitCredentials('not-an-email', 'pw');

  expect(await screen.findByText('Must be an email.')).toBeOnTheScreen();
  expect(screen.queryByRole('alert')).toBeNull();
});

it('disables the button while the request is pending', async () => {
  let answer: (value: ReturnType<typeof json>) => void = () => undefined;
  gateway = installFakeGateway({ 'POST /api/v1/auth/login': () => new Promise((resolve) => (answer = resolve)) });
  renderApp('/sign-in');

  await submitCredentials('ada@example.com', 'pw');

  expect(await screen.findByRole('button', { name: 'Sign in' })).toBeDisabled();
  answer(problem(401, 'INVALID_CREDENTIALS', 'Invalid email or password.'));
  expect(await screen.findByRole('alert')).toBeOnTheScreen();
});

it('asks for the authentication code when the account has MFA, and signs in with a valid one', async () => {
  gateway = installFakeGateway({
    'POST /api/v1/auth/login': () => json(200, { mfaRequired: true, mfaToken: 'mfa-1' }),
    'POST /api/v1/auth/mfa/verify': ({ body }) =>
      (body as { code: string }).code === '123456' ? json(200, tokens) : problem(401, 'INVALID_MFA_CODE', 'Invalid code.'),
    ...signedInRoutes,
  });
  const app = renderApp('/');
  await submitCredentials('ada@example.com', 'correct horse');
  const codeInput = await screen.findByLabelText('Authentication code');
  expect(secureStore().setItemAsync).not.toHaveBeenCalled();

  fireEvent.changeText(codeInput, '000000');
  fireEvent.press(screen.getByRole('button', { name: 'Verify' }));
  expect(await screen.findByRole('alert')).toHaveTextContent('That code is not valid or has expired.');
  expect(secureStore().setItemAsync).not.toHaveBeenCalled();

  fireEvent.changeText(screen.getByLabelText('Authentication code'), '123456');
  fireEvent.press(screen.getByRole('button', { name: 'Verify' }));

  expect(await screen.findByRole('button', { name: 'Account' })).toBeOnTheScreen();
  expect(app.getPathname()).toBe('/');
  expect(gateway.to('POST /api/v1/auth/mfa/verify').map((r) => r.body)).toEqual([
    { mfaToken: 'mfa-1', code: '000000' },
    { mfaToken: 'mfa-1', code: '123456' },
  ]);
  expect(secureStore().setItemAsync).toHaveBeenCalledWith('msp.accessToken', 'access-1');
});

it('opens on the projects when a session is stored, and signing out clears it', async () => {
  storeSession();
  gateway = installFakeGateway({ ...signedInRoutes, 'POST /api/v1/auth/logout': () => ({ status: 204 }) });
  const app = renderApp('/account');

  expect(await screen.findByText('Ada Lovelace')).toBeOnTheScreen();
  fireEvent.press(screen.getByRole('button', { name: 'Sign out' }));

  expect(await screen.findByLabelText('Email')).toBeOnTheScreen();
  expect(app.getPathname()).toBe('/sign-in');
  expect(gateway.to('POST /api/v1/auth/logout')[0]?.body).toEqual({ refreshToken: 'refresh-1' });
  expect(secureStore().values.size).toBe(0);
});
