import type { authV1 } from '@msp/contracts';
import { RemoteCallError } from '@msp/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jwksJsonOf, makeSigningKey, startTestGateway, type TestGateway } from '../testing/gateway-harness.js';

const tokens = { accessToken: 'access.jwt.value', refreshToken: 'refresh-opaque', expiresIn: 600 };

describe('auth endpoints (real gateway, fake auth service)', () => {
  let gateway: TestGateway;
  let jwksJson: string;
  const calls: Record<string, unknown[]> = { login: [], refresh: [], logout: [], verifyEmail: [], verifyMfa: [] };

  beforeAll(async () => {
    jwksJson = jwksJsonOf(await makeSigningKey('EdDSA', 'kid-1'));
    gateway = await startTestGateway({
      auth: {
        register: async (request) => {
          if (request.email === 'taken@example.com') {
            throw new RemoteCallError(6, 'This email is already registered.', 'EMAIL_TAKEN', [], '/AuthService/Register');
          }
          throw new RemoteCallError(13, 'internal error: pg says boom', undefined, [], '/AuthService/Register');
        },
        verifyEmail: async (request) => (calls['verifyEmail']?.push(request), {}),
        login: async (request: Partial<authV1.LoginRequest>): Promise<authV1.LoginResponse> => {
          calls['login']?.push(request);
          if (request.email === 'mfa@example.com') return { mfaToken: 'mfa-challenge-1' };
          if (request.email === 'locked@example.com') {
            throw new RemoteCallError(8, 'Too many attempts. Try again later.', 'TOO_MANY_ATTEMPTS', [], '/AuthService/Login', 42);
          }
          if (request.password !== 'right password') {
            throw new RemoteCallError(16, 'Wrong email or password.', 'INVALID_CREDENTIALS', [], '/AuthService/Login');
          }
          return { tokens, mfaToken: '' };
        },
        refresh: async (request) => (calls['refresh']?.push(request), { tokens: { ...tokens, refreshToken: 'rotated' } }),
        logout: async (request) => (calls['logout']?.push(request), {}),
        verifyMfa: async (request) => {
          calls['verifyMfa']?.push(request);
          if (request.code !== '123456')
            throw new RemoteCallError(16, 'The code is not valid.', 'INVALID_MFA_CODE', [], '/AuthService/VerifyMfa');
          return { tokens };
        },
        getJwks: async () => ({ jwksJson }),
      },
    });
  });
  afterAll(() => gateway.close());

  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${gateway.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });

  it('logs in with the client user agent and forwarded ip, answering the token shape', async () => {
    const response = await post(
      '/api/v1/auth/login',
      { email: 'ada@example.com', password: 'right password' },
      { 'user-agent': 'TestAgent/1.0', 'x-forwarded-for': '203.0.113.7' },
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ...tokens, tokenType: 'Bearer' });
    expect(calls['login']?.at(-1)).toEqual({
      email: 'ada@example.com',
      password: 'right password',
      client: { userAgent: 'TestAgent/1.0', ip: '203.0.113.7' },
    });
  });

  it('answers an MFA challenge instead of tokens when the account has MFA', async () => {
    const response = await post('/api/v1/auth/login', { email: 'mfa@example.com', password: 'right password' });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ mfaRequired: true, mfaToken: 'mfa-challenge-1' });
  });

  it('completes an MFA sign-in with the code and the client info, answering tokens', async () => {
    const response = await post(
      '/api/v1/auth/mfa/verify',
      { mfaToken: 'mfa-challenge-1', code: ' 123456 ' },
      { 'user-agent': 'TestAgent/2.0', 'x-forwarded-for': '198.51.100.4' },
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ...tokens, tokenType: 'Bearer' });
    expect(calls['verifyMfa']?.at(-1)).toEqual({
      mfaToken: 'mfa-challenge-1',
      code: '123456',
      client: { userAgent: 'TestAgent/2.0', ip: '198.51.100.4' },
    });

    const wrong = await post('/api/v1/auth/mfa/verify', { mfaToken: 'mfa-challenge-1', code: '000000' });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ code: 'INVALID_MFA_CODE' });

    const invalid = await post('/api/v1/auth/mfa/verify', { mfaToken: '', code: '', extra: 1 });
    expect(invalid.status).toBe(400);
    const problem = (await invalid.json()) as { errors: Array<{ path: string }> };
    expect(problem.errors.map((e) => e.path).sort()).toEqual(['code', 'extra', 'mfaToken']);
  });

  it("answers a service's throttling with 429, its code and Retry-After", async () => {
    const response = await post('/api/v1/auth/login', { email: 'locked@example.com', password: 'whatever' });
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('42');
    expect(await response.json()).toMatchObject({ code: 'TOO_MANY_ATTEMPTS', status: 429 });
  });

  it("passes the service's 401 on with its code", async () => {
    const response = await post('/api/v1/auth/login', { email: 'ada@example.com', password: 'wrong' });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ code: 'INVALID_CREDENTIALS', detail: 'Wrong email or password.' });
  });

  it('answers a duplicate registration with 409 EMAIL_TAKEN', async () => {
    const response = await post('/api/v1/auth/register', { email: 'taken@example.com', password: 'long enough', displayName: 'Ada' });
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({ code: 'EMAIL_TAKEN', type: 'https://msp.dev/problems/email-taken' });
  });

  it('hides a service fault behind 500 INTERNAL and logs it with the correlation id', async () => {
    const response = await post(
      '/api/v1/auth/register',
      { email: 'new@example.com', password: 'long enough', displayName: 'Ada' },
      { 'x-request-id': 'fault-1' },
    );
    expect(response.status).toBe(500);
    const problem = (await response.json()) as { code: string; detail: string; correlationId: string };
    expect(problem).toMatchObject({ code: 'INTERNAL', correlationId: 'fault-1' });
    expect(problem.detail).not.toContain('pg says');
    expect(gateway.logs.some((line) => line['correlationId'] === 'fault-1' && line['level'] === 'error')).toBe(true);
  });

  it('refreshes, verifies email and logs out', async () => {
    const refreshed = await post('/api/v1/auth/refresh', { refreshToken: 'refresh-opaque' }, { 'user-agent': 'UA' });
    expect(refreshed.status).toBe(200);
    expect(await refreshed.json()).toMatchObject({ refreshToken: 'rotated', tokenType: 'Bearer' });
    expect(calls['refresh']?.at(-1)).toMatchObject({ refreshToken: 'refresh-opaque', client: { userAgent: 'UA' } });

    const verified = await post('/api/v1/auth/verify-email', { token: 'verify-me' });
    expect(verified.status).toBe(204);
    expect(await verified.text()).toBe('');
    expect(calls['verifyEmail']?.at(-1)).toEqual({ token: 'verify-me' });

    const loggedOut = await post('/api/v1/auth/logout', { refreshToken: 'refresh-opaque' });
    expect(loggedOut.status).toBe(204);
    expect(calls['logout']?.at(-1)).toEqual({ refreshToken: 'refresh-opaque' });
  });

  it('rejects a logout without a refresh token', async () => {
    const response = await post('/api/v1/auth/logout', {});
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ errors: [{ path: 'refreshToken' }] });
  });

  it('serves the JWKS unchanged and cacheable for a minute', async () => {
    const response = await fetch(`${gateway.url}/.well-known/jwks.json`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=60');
    expect(await response.json()).toEqual(JSON.parse(jwksJson));
  });
});
