import { RemoteCallError } from '@msp/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueToken, jwksJsonOf, makeSigningKey, startTestGateway, type TestGateway } from '../testing/gateway-harness.js';

describe('TOTP endpoints (real gateway, fake auth service)', () => {
  let gateway: TestGateway;
  let token: string;
  const calls: Record<string, unknown[]> = { confirm: [], disable: [] };

  beforeAll(async () => {
    const key = await makeSigningKey('EdDSA');
    token = await issueToken(key);
    gateway = await startTestGateway({
      auth: {
        getJwks: async () => ({ jwksJson: jwksJsonOf(key) }),
        enrollTotp: async () => ({
          secret: 'JBSWY3DPEHPK3PXP',
          otpauthUrl: 'otpauth://totp/MSP:ada%40example.com?secret=JBSWY3DPEHPK3PXP',
        }),
        confirmTotp: async (request) => {
          calls['confirm']?.push(request);
          return { recoveryCodes: ['aaaa-bbbb', 'cccc-dddd'] };
        },
        disableTotp: async (request) => {
          calls['disable']?.push(request);
          if (request.code !== '654321')
            throw new RemoteCallError(16, 'The code is not valid.', 'INVALID_MFA_CODE', [], '/AuthService/DisableTotp');
          return {};
        },
      },
    });
  });
  afterAll(() => gateway.close());

  const call = (method: string, path: string, body?: unknown, authorized = true) =>
    fetch(`${gateway.url}${path}`, {
      method,
      headers: {
        ...(authorized ? { authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  it('starts an enrolment with a secret and its otpauth URL', async () => {
    const response = await call('POST', '/api/v1/auth/mfa/totp/enroll');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      secret: 'JBSWY3DPEHPK3PXP',
      otpauthUrl: 'otpauth://totp/MSP:ada%40example.com?secret=JBSWY3DPEHPK3PXP',
    });
  });

  it('confirms with a code and answers the recovery codes', async () => {
    const response = await call('POST', '/api/v1/auth/mfa/totp/confirm', { code: '123456' });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ recoveryCodes: ['aaaa-bbbb', 'cccc-dddd'] });
    expect(calls['confirm']?.at(-1)).toEqual({ code: '123456' });
    const invalid = await call('POST', '/api/v1/auth/mfa/totp/confirm', { code: '', secret: 'x' });
    expect(invalid.status).toBe(400);
    expect(((await invalid.json()) as { errors: Array<{ path: string }> }).errors.map((e) => e.path).sort()).toEqual(['code', 'secret']);
  });

  it('disables with a code in a DELETE body, passing a wrong code on as 401', async () => {
    const response = await call('DELETE', '/api/v1/auth/mfa/totp', { code: '654321' });
    expect(response.status).toBe(204);
    expect(calls['disable']?.at(-1)).toEqual({ code: '654321' });
    const wrong = await call('DELETE', '/api/v1/auth/mfa/totp', { code: '000000' });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ code: 'INVALID_MFA_CODE' });
    expect((await call('DELETE', '/api/v1/auth/mfa/totp', {})).status).toBe(400);
  });

  it('needs a signed-in caller', async () => {
    expect((await call('POST', '/api/v1/auth/mfa/totp/enroll', undefined, false)).status).toBe(401);
  });
});
