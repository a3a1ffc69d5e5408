import { RemoteCallError } from '@msp/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueToken, jwksJsonOf, makeSigningKey, startTestGateway, type TestGateway } from '../testing/gateway-harness.js';

describe('password endpoints (real gateway, fake auth service)', () => {
  let gateway: TestGateway;
  let token: string;
  const calls: Record<string, unknown[]> = { forgot: [], reset: [], change: [] };

  beforeAll(async () => {
    const key = await makeSigningKey('EdDSA');
    token = await issueToken(key);
    gateway = await startTestGateway(
      {
        auth: {
          getJwks: async () => ({ jwksJson: jwksJsonOf(key) }),
          // Like the real service: the same answer whether or not the address has an account.
          forgotPassword: async (request) => (calls['forgot']?.push(request), {}),
          resetPassword: async (request) => {
            calls['reset']?.push(request);
            if (request.token === 'used')
              throw new RemoteCallError(3, 'This link is invalid or has expired.', 'INVALID_TOKEN', [], '/AuthService/ResetPassword');
            return {};
          },
          changePassword: async (request) => {
            calls['change']?.push(request);
            if (request.currentPassword !== 'old password') {
              throw new RemoteCallError(16, 'The current password is wrong.', 'INVALID_CREDENTIALS', [], '/AuthService/ChangePassword');
            }
            return {};
          },
        },
      },
      // More than the default budget of this group: this suite validates many bodies.
      { RATE_LIMIT_SENSITIVE_PER_MINUTE: '100' },
    );
  });
  afterAll(() => gateway.close());

  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${gateway.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
  const pathsOf = async (response: Response) =>
    ((await response.json()) as { errors: Array<{ path: string }> }).errors.map((e) => e.path).sort();

  it('answers 202 to a forgotten password, for unknown addresses too', async () => {
    for (const email of ['ada@example.com', 'nobody@example.com']) {
      const response = await post('/api/v1/auth/password/forgot', { email });
      expect(response.status).toBe(202);
      expect(await response.text()).toBe('');
    }
    expect(calls['forgot']).toEqual([{ email: 'ada@example.com' }, { email: 'nobody@example.com' }]);
    const invalid = await post('/api/v1/auth/password/forgot', { email: 'not-an-email' });
    expect(invalid.status).toBe(400);
    expect(await pathsOf(invalid)).toEqual(['email']);
  });

  it('resets a password with a token, passing the service refusal of a used one on', async () => {
    const response = await post('/api/v1/auth/password/reset', { token: 'reset-token', newPassword: 'a new long password' });
    expect(response.status).toBe(204);
    expect(calls['reset']?.at(-1)).toEqual({ token: 'reset-token', newPassword: 'a new long password' });

    const used = await post('/api/v1/auth/password/reset', { token: 'used', newPassword: 'a new long password' });
    expect(used.status).toBe(400);
    expect(await used.json()).toMatchObject({ code: 'INVALID_TOKEN' });
  });

  it('bounds the new password to 8–128 characters and requires the token', async () => {
    expect(await pathsOf(await post('/api/v1/auth/password/reset', { token: 't', newPassword: '1234567' }))).toEqual(['newPassword']);
    expect(await pathsOf(await post('/api/v1/auth/password/reset', { token: 't', newPassword: 'x'.repeat(129) }))).toEqual(['newPassword']);
    expect(await pathsOf(await post('/api/v1/auth/password/reset', { newPassword: 'long enough' }))).toEqual(['token']);
  });

  it("changes the signed-in caller's password", async () => {
    const auth = { authorization: `Bearer ${token}` };
    const response = await post('/api/v1/auth/password/change', { currentPassword: 'old password', newPassword: 'new password!' }, auth);
    expect(response.status).toBe(204);
    expect(calls['change']?.at(-1)).toEqual({ currentPassword: 'old password', newPassword: 'new password!' });

    const wrong = await post('/api/v1/auth/password/change', { currentPassword: 'guess', newPassword: 'new password!' }, auth);
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ code: 'INVALID_CREDENTIALS' });

    const invalid = await post('/api/v1/auth/password/change', { currentPassword: '', newPassword: 'short' }, auth);
    expect(await pathsOf(invalid)).toEqual(['currentPassword', 'newPassword']);
    expect((await post('/api/v1/auth/password/change', { currentPassword: 'old password', newPassword: 'new password!' })).status).toBe(
      401,
    );
  });
});
