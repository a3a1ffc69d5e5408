import { randomUUID } from 'node:crypto';
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import type { AuthSettings } from '../auth-settings.js';
import type { SigningKeyRow, SigningKeysRepository } from './signing-keys.repository.js';
import { SigningKeysService } from './signing-keys.service.js';

const settings: AuthSettings = {
  issuer: 'test-issuer',
  audience: 'test-audience',
  accessTokenTtlSeconds: 600,
  refreshTokenTtlMs: 86_400_000,
  emailVerificationTtlMs: 3_600_000,
};

/** The signing_keys table in memory. */
class FakeSigningKeys {
  readonly rows: SigningKeyRow[] = [];
  readonly publishableCutoffs: Date[] = [];

  async findActive() {
    return this.rows.filter((row) => !row.retiredAt).sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0];
  }
  async findPublishable(retiredAfter: Date) {
    this.publishableCutoffs.push(retiredAfter);
    return this.rows.filter((row) => !row.retiredAt || row.retiredAt > retiredAfter);
  }
  async insert(key: Omit<SigningKeyRow, 'createdAt' | 'retiredAt'>) {
    this.rows.push({ ...key, createdAt: new Date(), retiredAt: null });
  }
}

const keysService = (repository: FakeSigningKeys, overrides: Partial<AuthSettings> = {}) =>
  new SigningKeysService(repository as unknown as SigningKeysRepository, { ...settings, ...overrides });

const claims = () => ({ userId: randomUUID(), sessionId: randomUUID(), roles: ['customer', 'admin'] });

describe('SigningKeysService', () => {
  it('issues an EdDSA access token that verifies against its own JWKS with every claim the gateway reads', async () => {
    const service = keysService(new FakeSigningKeys());
    const who = claims();

    const token = await service.signAccessToken(who);
    const jwks = await service.jwks();
    const { payload, protectedHeader } = await jwtVerify(token, createLocalJWKSet(jwks), {
      issuer: 'test-issuer',
      audience: 'test-audience',
      algorithms: ['EdDSA'],
    });

    expect(protectedHeader).toMatchObject({ alg: 'EdDSA', typ: 'JWT', kid: jwks.keys[0]?.kid });
    expect(payload).toMatchObject({ sub: who.userId, sid: who.sessionId, roles: who.roles });
    expect(payload.exp! - payload.iat!).toBe(600);
    expect(payload.jti).toEqual(expect.any(String));
  });

  it('publishes only public key material', async () => {
    const service = keysService(new FakeSigningKeys());
    await service.ensureActiveKey();

    const { keys } = await service.jwks();

    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatchObject({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA', use: 'sig' });
    expect(keys[0]).not.toHaveProperty('d');
  });

  it('creates a key on first start and reuses it afterwards, also from another replica', async () => {
    const repository = new FakeSigningKeys();
    const first = keysService(repository);
    const second = keysService(repository);

    const tokens = [await first.signAccessToken(claims()), await second.signAccessToken(claims()), await first.signAccessToken(claims())];

    expect(repository.rows).toHaveLength(1);
    expect(new Set(tokens.map((token) => decodeProtectedHeader(token).kid))).toEqual(new Set([repository.rows[0]?.kid]));
  });

  it('issues tokens that fail verification for another audience or issuer', async () => {
    const service = keysService(new FakeSigningKeys());
    const token = await service.signAccessToken(claims());
    const keySet = createLocalJWKSet(await service.jwks());

    await expect(jwtVerify(token, keySet, { issuer: 'test-issuer', audience: 'another-api' })).rejects.toThrow();
    await expect(jwtVerify(token, keySet, { issuer: 'someone-else', audience: 'test-audience' })).rejects.toThrow();
  });

  it('keeps publishing retired keys for two access-token lifetimes', async () => {
    const repository = new FakeSigningKeys();
    const service = keysService(repository, { accessTokenTtlSeconds: 300 });
    const before = Date.now();

    await service.jwks();

    const cutoff = repository.publishableCutoffs[0]!.getTime();
    expect(cutoff).toBeGreaterThanOrEqual(before - 600_000);
    expect(cutoff).toBeLessThanOrEqual(Date.now() - 600_000);
  });
});
