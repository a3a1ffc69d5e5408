import { fireEvent, screen } from 'expo-router/testing-library';

import { installFakeGateway, json, problem } from '../test-support/fake-gateway';
import { renderApp } from '../test-support/render-app';

let gateway: ReturnType<typeof installFakeGateway>;
afterEach(() => gateway.restore());

it('signs up and explains that the email must be verified first', async () => {
  gateway = installFakeGateway({ 'POST /api/v1/auth/register': () => json(201, { userId: 'u-2' }) });
  const app = renderApp('/sign-in');

  fireEvent.press(await screen.findByRole('link', { name: 'New here? Create an account' }));
  fireEvent.changeText(await screen.findByLabelText('Display name'), 'Grace Hopper');
  fireEvent.changeText(screen.getByLabelText('Email'), 'grace@example.com');
  fireEvent.changeText(screen.getByLabelText('Password'), 'short');
  fireEvent.press(screen.getByRole('button', { name: 'Create account' }));
  expect(await screen.findByText('Use at least 8 characters.')).toBeOnTheScreen();
  expect(gateway.requests).toEqual([]);

  fireEvent.changeText(screen.getByLabelText('Password'), 'a long enough password');
  fireEvent.press(screen.getByRole('button', { name: 'Create account' }));

  expect(await screen.findByText('We sent a verification link to grace@example.com.')).toBeOnTheScreen();
  expect(app.getPathname()).toBe('/check-email');
  expect(gateway.to('POST /api/v1/auth/register')[0]?.body).toEqual({
    displayName: 'Grace Hopper',
    email: 'grace@example.com',
    password: 'a long enough password',
  });
});

it('shows a taken email under the email field', async () => {
  gateway = installFakeGateway({
    'POST /api/v1/auth/register': () =>
      problem(409, 'EMAIL_TAKEN', 'An account with this email exists.', [{ path: 'email', message: 'This email is taken.' }]),
  });
  renderApp('/sign-up');
  fireEvent.changeText(await screen.findByLabelText('Display name'), 'Grace');
  fireEvent.changeText(screen.getByLabelText('Email'), 'grace@example.com');
  fireEvent.changeText(screen.getByLabelText('Password'), 'a long enough password');
  fireEvent.press(screen.getByRole('button', { name: 'Create account' }));
  expect(await screen.findByText('This email is taken.')).toBeOnTheScreen();
});

it('verifies the email from the link token', async () => {
  gateway = installFakeGateway({ 'POST /api/v1/auth/verify-email': () => ({ status: 204 }) });
  renderApp('/verify-email?token=tok-1');
  expect(await screen.findByText('Your email is verified. You can sign in now.')).toBeOnTheScreen();
  expect(gateway.to('POST /api/v1/auth/verify-email')[0]?.body).toEqual({ token: 'tok-1' });
});

it('asks for a reset link and answers the same whether or not the account exists', async () => {
  gateway = installFakeGateway({ 'POST /api/v1/auth/password/forgot': () => ({ status: 202 }) });
  renderApp('/sign-in');
  fireEvent.press(await screen.findByRole('link', { name: 'Forgot your password?' }));
  fireEvent.changeText(await screen.findByLabelText('Email'), 'nobody@example.com');
  fireEvent.press(screen.getByRole('button', { name: 'Send reset link' }));
  expect(await screen.findByText(/If an account exists for that email/)).toBeOnTheScreen();
  expect(gateway.to('POST /api/v1/auth/password/forgot')[0]?.body).toEqual({ email: 'nobody@example.com' });
});
