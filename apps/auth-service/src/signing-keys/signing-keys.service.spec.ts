import { randomUUID } from 'node:crypto';
import { FakeUnitOfWork } from '@msp/testing';
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import type { AuthSettings } from '../auth-settings.js';
import { testSettings } from '../testing/test-settings.js';
import type { SigningKeyRow, SigningKeysRepository } from './signing-keys.repository.js';
import { SigningKeysService } from './signing-keys.service.js';

const settings = testSettings;

/** The signing_keys table in memory, with the repository's semantics. */
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
  async retireAllExcept(kid: string, now: Date) {
    for (const row of this.rows) if (row.kid !== kid && !row.retiredAt) row.retiredAt = now;
  }
  async insert(key: Omit<SigningKeyRow, 'createdAt' | 'retiredAt'>) {
    // Strictly increasing creation times: "the newest key" is never a tie.
    const last = this.rows.at(-1)?.createdAt.getTime() ?? 0;
    this.rows.push({ ...key, createdAt: new Date(Math.max(Date.now(), last + 1)), retiredAt: null });
  }
  row(kid: string | undefined) {
    return this.rows.find((row) => row.kid === kid);
  }
}

function keysService(repository: FakeSigningKeys, overrides: Partial<AuthSettings> = {}, unitOfWork = new FakeUnitOfWork()) {
  return new SigningKeysService(repository as unknown as SigningKeysRepository, unitOfWork.asUnitOfWork(), { ...settings, ...overrides });
}

const claims = () => ({ userId: randomUUID(), sessionId: randomUUID(), roles: ['customer', 'admin'] });
const verifyWith = async (service: SigningKeysService, token: string) =>
  jwtVerify(token, createLocalJWKSet(await service.jwks()), { issuer: 'test-issuer', audience: 'test-audience', algorithms: ['EdDSA'] });

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

describe('SigningKeysService.rotate', () => {
  it('signs new tokens with a new kid while tokens of the old key keep verifying, and records the event', async () => {
    const repository = new FakeSigningKeys();
    const unitOfWork = new FakeUnitOfWork();
    const service = keysService(repository, {}, unitOfWork);
    const before = await service.signAccessToken(claims());
    const oldKid = decodeProtectedHeader(before).kid;

    const newKid = await service.rotate();
    const after = await service.signAccessToken(claims());

    expect(newKid).not.toBe(oldKid);
    expect(decodeProtectedHeader(after).kid).toBe(newKid);
    expect(repository.row(oldKid)?.retiredAt).toBeInstanceOf(Date);
    expect((await service.jwks()).keys.map((key) => key.kid).sort()).toEqual([oldKid, newKid].sort());
    await expect(verifyWith(service, before)).resolves.toBeDefined();
    await expect(verifyWith(service, after)).resolves.toBeDefined();
    expect(unitOfWork.committed).toEqual([expect.objectContaining({ type: 'auth.signing_key.rotated.v1', data: { kid: newKid } })]);
  });

  it('stops publishing a retired key once two access-token lifetimes have passed', async () => {
    const repository = new FakeSigningKeys();
    const service = keysService(repository, { accessTokenTtlSeconds: 300 });
    const oldKid = decodeProtectedHeader(await service.signAccessToken(claims())).kid;
    await service.rotate();

    repository.row(oldKid)!.retiredAt = new Date(Date.now() - 590_000);
    expect((await service.jwks()).keys.map((key) => key.kid)).toContain(oldKid);

    repository.row(oldKid)!.retiredAt = new Date(Date.now() - 610_000);
    expect((await service.jwks()).keys.map((key) => key.kid)).not.toContain(oldKid);
  });
});

describe('SigningKeysService.maintain', () => {
  it('rotates when the active key is older than the rotation age, and not before', async () => {
    const repository = new FakeSigningKeys();
    const service = keysService(repository, { signingKeyRotationMs: 86_400_000 });
    await service.ensureActiveKey();

    await service.maintain();
    expect(repository.rows).toHaveLength(1);

    repository.rows[0]!.createdAt = new Date(Date.now() - 86_400_000 - 60_000);
    await service.maintain();

    expect(repository.rows).toHaveLength(2);
    const active = await repository.findActive();
    expect(active?.kid).not.toBe(repository.rows[0]?.kid);
    expect(decodeProtectedHeader(await service.signAccessToken(claims())).kid).toBe(active?.kid);
  });

  it('follows a rotation made by another replica', async () => {
    const repository = new FakeSigningKeys();
    const mine = keysService(repository);
    const other = keysService(repository);
    await mine.ensureActiveKey();

    const rotatedKid = await other.rotate();
    await mine.maintain();

    expect(decodeProtectedHeader(await mine.signAccessToken(claims())).kid).toBe(rotatedKid);
  });
});
