import { randomBytes } from 'node:crypto';
import { DevInboxClient, TestGatewayClient } from '@msp/testing';
import { expect } from 'vitest';

/**
 * The walking skeleton's story (API.md, issue 2 point 4), the same in every mode: register →
 * verification email through outbox, bus and comms to the inbox → verify → login → me.
 */
export async function walkTheStory(gatewayUrl: string, inboxUrl: string) {
  const gateway = new TestGatewayClient(gatewayUrl);
  const inbox = new DevInboxClient(inboxUrl);
  const email = `story-${randomBytes(4).toString('hex')}@example.test`;
  const password = `pw-${randomBytes(8).toString('hex')}`;

  const registered = await gateway.call('POST', '/api/v1/auth/register', { body: { email, password, displayName: 'Story Teller' } });
  expect(registered.status).toBe(201);
  expect(registered.body.userId).toMatch(/^[0-9a-f-]{36}$/);
  expect(registered.headers.get('x-request-id')).toBeTruthy();

  const duplicate = await gateway.call('POST', '/api/v1/auth/register', { body: { email, password, displayName: 'Again' } });
  expect(duplicate.status).toBe(409);
  expect(duplicate.headers.get('content-type')).toContain('application/problem+json');
  expect(duplicate.body.code).toBe('EMAIL_TAKEN');

  const invalid = await gateway.call('POST', '/api/v1/auth/register', { body: { email: 'nope', password: 'x' } });
  expect(invalid.status).toBe(400);
  expect(invalid.body.errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(['email', 'password', 'displayName']));

  const mail = await inbox.waitForMessageTo(email);
  expect(mail.Subject).toMatch(/confirm/i);
  expect(mail.HTML).toContain('verify-email?token=');
  const token = DevInboxClient.tokenIn(mail);

  const early = await gateway.call('POST', '/api/v1/auth/login', { body: { email, password } });
  const earlyMe = await gateway.call('GET', '/api/v1/me', { token: early.body.accessToken });
  expect(earlyMe.body.emailVerified).toBe(false);

  expect((await gateway.call('POST', '/api/v1/auth/verify-email', { body: { token } })).status).toBe(204);
  expect((await gateway.call('POST', '/api/v1/auth/verify-email', { body: { token } })).status).toBe(400);

  const wrong = await gateway.call('POST', '/api/v1/auth/login', { body: { email, password: 'wrong-password' } });
  expect(wrong.status).toBe(401);
  const unknown = await gateway.call('POST', '/api/v1/auth/login', { body: { email: `x${email}`, password } });
  expect(unknown.status).toBe(401);
  expect(unknown.body.code).toBe(wrong.body.code);

  const login = await gateway.call('POST', '/api/v1/auth/login', { body: { email, password } });
  expect(login.status).toBe(200);
  expect(login.body).toMatchObject({ tokenType: 'Bearer', expiresIn: expect.any(Number) });

  const me = await gateway.call('GET', '/api/v1/me', { token: login.body.accessToken });
  expect(me.status).toBe(200);
  expect(me.body).toMatchObject({
    id: registered.body.userId,
    email,
    displayName: 'Story Teller',
    emailVerified: true,
    roles: ['customer'],
  });
  expect((await gateway.call('GET', '/api/v1/me')).status).toBe(401);

  const refreshed = await gateway.call('POST', '/api/v1/auth/refresh', { body: { refreshToken: login.body.refreshToken } });
  expect(refreshed.status).toBe(200);
  expect(refreshed.body.refreshToken).not.toBe(login.body.refreshToken);
  expect((await gateway.call('GET', '/api/v1/me', { token: refreshed.body.accessToken })).status).toBe(200);

  return { email, password, userId: registered.body.userId as string, accessToken: refreshed.body.accessToken as string };
}
