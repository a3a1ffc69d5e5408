import { currentStep, totpCode } from '@msp/auth-service';
import { DevInboxClient, TestGatewayClient } from '@msp/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningPlatform } from './platforms.js';
import { forgedTokens, newCustomer } from './security-helpers.js';

export const SECURITY_ADMIN = { email: 'security-admin@example.test', password: 'security-admin-password-1' };
const ADMIN = SECURITY_ADMIN;

/** What the suite needs the platform started with (both modes). */
export const securityEnv = {
  PLATFORM_ADMIN_EMAIL: ADMIN.email,
  PLATFORM_ADMIN_PASSWORD: ADMIN.password,
  REFRESH_REUSE_GRACE_SECONDS: '2',
  LOG_LEVEL: 'debug',
  RATE_LIMIT_LOGIN_PER_MINUTE: '1000',
  RATE_LIMIT_SENSITIVE_PER_MINUTE: '1000',
  RATE_LIMIT_AUTH_PER_MINUTE: '1000',
  RATE_LIMIT_GLOBAL_PER_MINUTE: '10000',
};

export type { RunningPlatform };

/**
 * Issue 3's security suite, through the gateway as an outside client: forged tokens, refresh reuse,
 * concurrent refresh, suspension, lockout, password reset, MFA, key rotation and log hygiene.
 */
export function authSecuritySuite(mode: string, start: () => Promise<RunningPlatform>) {
  describe(`auth security, through the gateway (${mode})`, () => {
    let platform: RunningPlatform;
    let gateway: TestGatewayClient;
    let inbox: DevInboxClient;
    const me = (token: string) => gateway.call('GET', '/api/v1/me', { token });
    const login = (email: string, password: string) => gateway.call('POST', '/api/v1/auth/login', { body: { email, password } });

    beforeAll(async () => {
      platform = await start();
      gateway = new TestGatewayClient(platform.gatewayUrl);
      inbox = new DevInboxClient(platform.inboxUrl);
    });

    afterAll(async () => {
      await platform?.stop();
    });

    it('refuses forged and tampered tokens with 401', async () => {
      const customer = await newCustomer(gateway, inbox);
      const jwks = (await gateway.call('GET', '/.well-known/jwks.json')).body;
      for (const [name, token] of Object.entries(await forgedTokens(customer.accessToken, jwks))) {
        expect({ name, status: (await me(token)).status }).toEqual({ name, status: 401 });
      }
      expect((await me(customer.accessToken)).status).toBe(200);
    });

    it('rotates refresh tokens; reusing a rotated one after the grace window ends the session', async () => {
      const customer = await newCustomer(gateway, inbox);
      const first = await gateway.call('POST', '/api/v1/auth/refresh', { body: { refreshToken: customer.refreshToken } });
      expect(first.status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 2_500));
      const reuse = await gateway.call('POST', '/api/v1/auth/refresh', { body: { refreshToken: customer.refreshToken } });
      expect(reuse.status).toBe(401);
      // The whole family is gone: the token the legitimate client got, and its access token.
      expect((await gateway.call('POST', '/api/v1/auth/refresh', { body: { refreshToken: first.body.refreshToken } })).status).toBe(401);
      expect((await me(first.body.accessToken)).status).toBe(401);
    });

    it('keeps the session when two tabs refresh with the same token at once', async () => {
      const customer = await newCustomer(gateway, inbox);
      const [a, b] = await Promise.all(
        [1, 2].map(() => gateway.call('POST', '/api/v1/auth/refresh', { body: { refreshToken: customer.refreshToken } })),
      );
      expect([a!.status, b!.status]).toEqual([200, 200]);
      for (const tab of [a!, b!]) {
        expect((await me(tab.body.accessToken)).status).toBe(200);
        expect((await gateway.call('POST', '/api/v1/auth/refresh', { body: { refreshToken: tab.body.refreshToken } })).status).toBe(200);
      }
    });

    it('locks a suspended user out at once, and lets them back after unsuspension', async () => {
      const customer = await newCustomer(gateway, inbox);
      const admin = (await login(ADMIN.email, ADMIN.password)).body.accessToken as string;
      expect((await gateway.call('POST', `/api/v1/admin/users/${customer.userId}/suspend`, { token: customer.accessToken })).status).toBe(
        403,
      );
      expect((await gateway.call('POST', `/api/v1/admin/users/${customer.userId}/suspend`, { token: admin })).status).toBe(204);
      expect((await me(customer.accessToken)).status).toBe(401);
      expect((await gateway.call('POST', '/api/v1/auth/refresh', { body: { refreshToken: customer.refreshToken } })).status).toBe(401);
      expect((await login(customer.email, customer.password)).status).toBe(403);
      expect((await gateway.call('POST', `/api/v1/admin/users/${customer.userId}/unsuspend`, { token: admin })).status).toBe(204);
      expect((await login(customer.email, customer.password)).status).toBe(200);
    });

    it('slows down, then locks out password guessing with 429 and Retry-After, and lets the owner in afterwards', async () => {
      const customer = await newCustomer(gateway, inbox);
      for (let attempt = 1; attempt <= 5; attempt++) expect((await login(customer.email, 'wrong-password-guess')).status).toBe(401);
      const sixth = await login(customer.email, 'wrong-password-guess');
      expect(sixth.status).toBe(401);
      const held = await login(customer.email, customer.password);
      expect(held.status).toBe(429);
      const retryAfter = Number(held.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThan(0);
      await new Promise((resolve) => setTimeout(resolve, retryAfter * 1000 + 200));
      expect((await login(customer.email, customer.password)).status).toBe(200);
      // A success resets the counter: one more mistake is an ordinary 401 again.
      expect((await login(customer.email, 'wrong-password-guess')).status).toBe(401);
    });

    it('resets a password with a single-use emailed token, ending every session', async () => {
      const customer = await newCustomer(gateway, inbox);
      expect((await gateway.call('POST', '/api/v1/auth/password/forgot', { body: { email: 'nobody-here@example.test' } })).status).toBe(
        202,
      );
      expect((await gateway.call('POST', '/api/v1/auth/password/forgot', { body: { email: customer.email } })).status).toBe(202);
      const mail = await waitForSubject(customer.email, /reset|zurücksetzen/i);
      const token = DevInboxClient.tokenIn(mail);
      const weak = await gateway.call('POST', '/api/v1/auth/password/reset', { body: { token, newPassword: 'password123' } });
      expect(weak.status).toBe(400);
      const newPassword = `${customer.password}-new`;
      expect((await gateway.call('POST', '/api/v1/auth/password/reset', { body: { token, newPassword } })).status).toBe(204);
      expect((await gateway.call('POST', '/api/v1/auth/password/reset', { body: { token, newPassword } })).status).toBe(400);
      expect((await me(customer.accessToken)).status).toBe(401);
      expect((await login(customer.email, customer.password)).status).toBe(401);
      expect((await login(customer.email, newPassword)).status).toBe(200);
    });

    it('signs in with TOTP, and each recovery code works once', async () => {
      const customer = await newCustomer(gateway, inbox);
      const enrolled = await gateway.call('POST', '/api/v1/auth/mfa/totp/enroll', { token: customer.accessToken });
      expect(enrolled.status).toBe(200);
      const secret = enrolled.body.secret as string;
      const confirmed = await gateway.call('POST', '/api/v1/auth/mfa/totp/confirm', {
        token: customer.accessToken,
        body: { code: totpCode(secret, currentStep()) },
      });
      expect(confirmed.status).toBe(200);
      const [recovery] = confirmed.body.recoveryCodes as string[];

      const challenge = await login(customer.email, customer.password);
      expect(challenge.body).toMatchObject({ mfaRequired: true, mfaToken: expect.any(String) });
      expect(
        (await gateway.call('POST', '/api/v1/auth/mfa/verify', { body: { mfaToken: challenge.body.mfaToken, code: '000000' } })).status,
      ).toBe(401);
      const verified = await gateway.call('POST', '/api/v1/auth/mfa/verify', {
        body: { mfaToken: challenge.body.mfaToken, code: recovery },
      });
      expect(verified.status).toBe(200);
      expect((await me(verified.body.accessToken)).body.mfaEnabled).toBe(true);

      const again = await login(customer.email, customer.password);
      expect(
        (await gateway.call('POST', '/api/v1/auth/mfa/verify', { body: { mfaToken: again.body.mfaToken, code: recovery } })).status,
      ).toBe(401);
    });

    it('rotates the signing key: old tokens stay valid, new ones use the new kid, the gateway follows without restart', async () => {
      const customer = await newCustomer(gateway, inbox);
      const admin = (await login(ADMIN.email, ADMIN.password)).body.accessToken as string;
      const kidOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString()).kid as string;
      const rotated = await gateway.call('POST', '/api/v1/admin/signing-keys/rotate', { token: admin });
      expect(rotated.status).toBe(200);
      expect(rotated.body.kid).not.toBe(kidOf(customer.accessToken));
      expect((await me(customer.accessToken)).status).toBe(200);
      // The auth replica that rotated signs with the new key at once. Other replicas (scaled out) follow
      // within a minute and meanwhile sign with the previous key, which stays valid: a token from
      // either works, and logins that reach the rotating replica get the new kid.
      let fresh = await login(customer.email, customer.password);
      for (let attempt = 0; kidOf(fresh.body.accessToken) !== rotated.body.kid && attempt < 12; attempt++) {
        expect((await me(fresh.body.accessToken)).status).toBe(200);
        fresh = await login(customer.email, customer.password);
      }
      expect(kidOf(fresh.body.accessToken)).toBe(rotated.body.kid);
      expect((await me(fresh.body.accessToken)).status).toBe(200);
      const jwks = (await gateway.call('GET', '/.well-known/jwks.json')).body as { keys: Array<{ kid: string; d?: string }> };
      expect(jwks.keys.map((key) => key.kid)).toEqual(expect.arrayContaining([rotated.body.kid, kidOf(customer.accessToken)]));
      expect(jwks.keys.every((key) => key.d === undefined)).toBe(true);
    });

    it('never writes a password, token or secret to its logs', async () => {
      const customer = await newCustomer(gateway, inbox);
      await login(customer.email, 'a-wrong-password-for-the-log');
      const logs = platform.output();
      expect(logs.length).toBeGreaterThan(1000);
      for (const secret of [
        customer.password,
        'a-wrong-password-for-the-log',
        customer.accessToken,
        customer.refreshToken,
        ADMIN.password,
      ]) {
        expect(logs).not.toContain(secret);
      }
    });

    async function waitForSubject(to: string, subject: RegExp) {
      const deadline = Date.now() + 20_000;
      while (Date.now() < deadline) {
        const match = (await inbox.messagesTo(to)).find((message) => subject.test(message.Subject));
        if (match) return inbox.message(match.ID);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      throw new Error(`no email matching ${subject} to ${to}`);
    }
  });
}
