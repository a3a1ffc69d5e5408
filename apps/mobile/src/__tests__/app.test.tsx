import { configure, fireEvent, render, screen } from '@testing-library/react-native';

import App from '../../App';
import { installFakeGateway, json, problem } from '../test-support/fake-gateway';
import type { SecureStoreMock } from '../test-support/secure-store-mock';

jest.mock('expo-secure-store', () =>
  jest.requireActual<typeof import('../test-support/secure-store-mock')>('../test-support/secure-store-mock').createSecureStoreMock(),
);
const secureStore = jest.requireMock<SecureStoreMock>('expo-secure-store');

// React Native loads its components lazily, and with a cold transform cache (a fresh CI machine) the
// first render spends seconds compiling them: the default 1 s wait for an element is not enough.
configure({ asyncUtilTimeout: 10_000 });
jest.setTimeout(30_000);

const me = { id: 'u-1', email: 'ada@example.com', displayName: 'Ada Lovelace' };
const tokens = { accessToken: 'access-1', refreshToken: 'refresh-1', tokenType: 'Bearer', expiresIn: 600 };

let gateway: ReturnType<typeof installFakeGateway>;
beforeEach(() => {
  secureStore.values.clear();
  jest.clearAllMocks();
});
afterEach(() => gateway.restore());

async function submitCredentials(email: string, password: string) {
  fireEvent.changeText(await screen.findByLabelText('Email'), email);
  fireEvent.changeText(screen.getByLabelText('Password'), password);
  fireEvent.press(screen.getByRole('button', { name: 'Sign in' }));
}

it('signs in, keeps the tokens in secure storage and shows the account', async () => {
  gateway = installFakeGateway({
    'POST /api/v1/auth/login': () => json(200, tokens),
    'GET /api/v1/me': () => json(200, me),
  });
  render(<App />);

  await submitCredentials('ada@example.com', 'correct horse');

  expect(await screen.findByText('ada@example.com')).toBeOnTheScreen();
  expect(screen.getByText('Ada Lovelace')).toBeOnTheScreen();
  expect(gateway.to('POST /api/v1/auth/login')[0]?.body).toEqual({ email: 'ada@example.com', password: 'correct horse' });
  expect(secureStore.setItemAsync).toHaveBeenCalledWith('msp.accessToken', 'access-1');
  expect(secureStore.setItemAsync).toHaveBeenCalledWith('msp.refreshToken', 'refresh-1');
  expect(gateway.to('GET /api/v1/me')[0]?.authorization).toBe('Bearer access-1');
});

it('shows an alert on wrong credentials and stores nothing', async () => {
  gateway = installFakeGateway({
    'POST /api/v1/auth/login': () => problem(401, 'INVALID_CREDENTIALS', 'Invalid email or password.'),
  });
  render(<App />);

  await submitCredentials('ada@example.com', 'wrong');

  expect(await screen.findByRole('alert')).toHaveTextContent('Email or password is incorrect.');
  expect(screen.getByRole('button', { name: 'Sign in' })).toBeEnabled();
  expect(secureStore.setItemAsync).not.toHaveBeenCalled();
});

it('shows field errors from the gateway under their fields', async () => {
  gateway = installFakeGateway({
    'POST /api/v1/auth/login': () =>
      problem(400, 'VALIDATION_FAILED', 'The request is invalid.', [{ path: '/email', message: 'Must be an email.' }]),
  });
  render(<App />);

  await submitCredentials('not-an-email', 'pw');

  expect(await screen.findByText('Must be an email.')).toBeOnTheScreen();
  expect(screen.queryByRole('alert')).toBeNull();
});

it('disables the button while the request is pending', async () => {
  let answer: (value: ReturnType<typeof json>) => void = () => undefined;
  gateway = installFakeGateway({
    'POST /api/v1/auth/login': () => new Promise((resolve) => (answer = resolve)),
  });
  render(<App />);

  await submitCredentials('ada@example.com', 'pw');

  expect(screen.getByRole('button', { name: 'Sign in' })).toBeDisabled();
  answer(problem(401, 'INVALID_CREDENTIALS', 'Invalid email or password.'));
  expect(await screen.findByRole('alert')).toBeOnTheScreen();
});

it('asks for the authentication code when the account has MFA', async () => {
  gateway = installFakeGateway({
    'POST /api/v1/auth/login': () => json(200, { mfaRequired: true, mfaToken: 'mfa-1' }),
    'POST /api/v1/auth/mfa/verify': ({ body }) =>
      (body as { code: string }).code === '123456' ? json(200, tokens) : problem(401, 'MFA_INVALID', 'Invalid code.'),
    'GET /api/v1/me': () => json(200, me),
  });
  render(<App />);
  await submitCredentials('ada@example.com', 'correct horse');
  const codeInput = await screen.findByLabelText('Authentication code');
  expect(secureStore.setItemAsync).not.toHaveBeenCalled();

  fireEvent.changeText(codeInput, '000000');
  fireEvent.press(screen.getByRole('button', { name: 'Verify' }));
  expect(await screen.findByRole('alert')).toHaveTextContent('That code is not valid or has expired.');

  fireEvent.changeText(screen.getByLabelText('Authentication code'), '123456');
  fireEvent.press(screen.getByRole('button', { name: 'Verify' }));

  expect(await screen.findByText('ada@example.com')).toBeOnTheScreen();
  expect(gateway.to('POST /api/v1/auth/mfa/verify').map((r) => r.body)).toEqual([
    { mfaToken: 'mfa-1', code: '000000' },
    { mfaToken: 'mfa-1', code: '123456' },
  ]);
  expect(secureStore.setItemAsync).toHaveBeenCalledWith('msp.accessToken', 'access-1');
});

it('opens on the account when a session is stored, and signing out clears it', async () => {
  secureStore.values.set('msp.accessToken', 'access-1');
  secureStore.values.set('msp.refreshToken', 'refresh-1');
  gateway = installFakeGateway({
    'GET /api/v1/me': () => json(200, me),
    'POST /api/v1/auth/logout': () => ({ status: 204 }),
  });
  render(<App />);

  expect(await screen.findByText('Ada Lovelace')).toBeOnTheScreen();
  fireEvent.press(screen.getByRole('button', { name: 'Sign out' }));

  expect(await screen.findByLabelText('Email')).toBeOnTheScreen();
  expect(gateway.to('POST /api/v1/auth/logout')[0]?.body).toEqual({ refreshToken: 'refresh-1' });
  expect(secureStore.deleteItemAsync).toHaveBeenCalledWith('msp.accessToken');
  expect(secureStore.deleteItemAsync).toHaveBeenCalledWith('msp.refreshToken');
  expect(secureStore.values.size).toBe(0);
});
