import { base64url, exportSPKI, importJWK, SignJWT, type CryptoKey } from 'jose';
import { describe, expect, it } from 'vitest';
import { ProblemException } from '../http/problem.js';
import { AUDIENCE, ISSUER, issueToken, jwksJsonOf, makeSigningKey, type SigningKey } from '../testing/gateway-harness.js';
import { AccessTokenVerifier } from './access-token-verifier.js';
import { JwksKeyStore, REFRESH_INTERVAL_MS } from './jwks-key-store.js';

/** A verifier over a JWKS source the test controls, with a clock it can move (and that waiting moves). */
function verifierWith(source: () => Promise<string>) {
  let now = 1_000_000;
  let fetches = 0;
  const waits: number[] = [];
  const store = new JwksKeyStore(
    () => {
      fetches += 1;
      return source();
    },
    () => now,
    async (ms) => {
      waits.push(ms);
      now += ms;
    },
  );
  return {
    verifier: new AccessTokenVerifier(store, { issuer: ISSUER, audience: AUDIENCE }),
    advance: (ms: number) => (now += ms),
    fetches: () => fetches,
    waits,
  };
}

async function rejection(promise: Promise<unknown>): Promise<ProblemException> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ProblemException);
  return error as ProblemException;
}

describe('AccessTokenVerifier', () => {
  it('accepts a valid EdDSA token and returns the caller', async () => {
    const key = await makeSigningKey('EdDSA');
    const { verifier } = verifierWith(async () => jwksJsonOf(key));
    const token = await issueToken(key, { sub: 'user-1', sid: 'session-9', roles: ['user', 'admin'] });
    expect(await verifier.verify(token)).toEqual({ userId: 'user-1', sessionId: 'session-9', roles: ['user', 'admin'] });
  });

  it('accepts a valid ES256 token', async () => {
    const key = await makeSigningKey('ES256');
    const { verifier } = verifierWith(async () => jwksJsonOf(key));
    expect((await verifier.verify(await issueToken(key, { sub: 'user-2' }))).userId).toBe('user-2');
  });

  describe('answers 401 UNAUTHENTICATED for', () => {
    let key: SigningKey;
    const cases: Array<[string, (key: SigningKey) => Promise<string>]> = [
      ['an expired token', (k) => issueToken(k, { expiresAt: Math.floor(Date.now() / 1000) - 60 })],
      ['a wrong audience', (k) => issueToken(k, { audience: 'someone-else' })],
      ['a wrong issuer', (k) => issueToken(k, { issuer: 'evil-issuer' })],
      ['a token without a session (it could never be revoked)', (k) => issueToken(k, { sid: null })],
      ['alg: none', async () => unsecured({ sub: 'user-1', iss: ISSUER, aud: AUDIENCE, exp: Math.floor(Date.now() / 1000) + 300 })],
      ['HS256 signed with the public key', async (k) => hs256WithPublicKey(k)],
      ['a token from an unknown key', async () => issueToken(await makeSigningKey('EdDSA'))],
      ['a tampered payload', async (k) => tamper(await issueToken(k, { roles: ['user'] }))],
      ['garbage', async () => 'not.a.jwt'],
    ];
    for (const [name, makeToken] of cases) {
      it(name, async () => {
        key ??= await makeSigningKey('EdDSA');
        const { verifier } = verifierWith(async () => jwksJsonOf(key));
        const problem = await rejection(verifier.verify(await makeToken(key)));
        expect(problem.status).toBe(401);
        expect(problem.code).toBe('UNAUTHENTICATED');
      });
    }
  });

  it('answers 503 AUTH_UNAVAILABLE when no keys can be fetched at all', async () => {
    const key = await makeSigningKey('EdDSA');
    const { verifier } = verifierWith(() => Promise.reject(new Error('connect ECONNREFUSED')));
    const problem = await rejection(verifier.verify(await issueToken(key)));
    expect(problem.status).toBe(503);
    expect(problem.code).toBe('AUTH_UNAVAILABLE');
  });

  it('answers 503 when the keys source returns something that is not a JWKS', async () => {
    const key = await makeSigningKey('EdDSA');
    const { verifier } = verifierWith(async () => '{"nope":true}');
    expect((await rejection(verifier.verify(await issueToken(key)))).status).toBe(503);
  });

  it('fetches keys once and verifies later tokens locally', async () => {
    const key = await makeSigningKey('EdDSA');
    const { verifier, fetches } = verifierWith(async () => jwksJsonOf(key));
    await Promise.all([verifier.verify(await issueToken(key)), verifier.verify(await issueToken(key))]);
    await verifier.verify(await issueToken(key));
    expect(fetches()).toBe(1);
  });

  it('accepts a key rotated in since the last fetch, holding its token until a refetch is allowed', async () => {
    const oldKey = await makeSigningKey('EdDSA');
    const newKey = await makeSigningKey('EdDSA');
    let published = [oldKey];
    const { verifier, advance, fetches, waits } = verifierWith(async () => jwksJsonOf(...published));
    await verifier.verify(await issueToken(oldKey));
    published = [oldKey, newKey];

    // Right after the last fetch: the first token of the new key waits out the interval, then one fetch.
    advance(200);
    expect((await verifier.verify(await issueToken(newKey, { sub: 'rotated' }))).userId).toBe('rotated');
    expect(waits).toEqual([REFRESH_INTERVAL_MS - 200]);
    expect(fetches()).toBe(2);
  });

  it('fetches at most once per interval for forged kids, however many arrive', async () => {
    const key = await makeSigningKey('EdDSA');
    const { verifier, fetches } = verifierWith(async () => jwksJsonOf(key));
    await verifier.verify(await issueToken(key));
    const stranger = await makeSigningKey('EdDSA');
    const forged = await Promise.all(Array.from({ length: 5 }, () => issueToken(stranger)));
    const problems = await Promise.all(forged.map((token) => rejection(verifier.verify(token))));
    expect(problems.every((problem) => problem.status === 401)).toBe(true);
    expect(fetches()).toBe(2);
    // Each later forged token waits a full interval before its own fetch: one fetch per interval.
    expect((await rejection(verifier.verify(forged[0] ?? ''))).status).toBe(401);
    expect(fetches()).toBe(3);
  });

  it('keeps verifying with known keys when a refetch fails', async () => {
    const key = await makeSigningKey('EdDSA');
    let up = true;
    const { verifier, advance } = verifierWith(async () => {
      if (!up) throw new Error('auth service down');
      return jwksJsonOf(key);
    });
    await verifier.verify(await issueToken(key));
    up = false;
    advance(60_000);
    expect((await rejection(verifier.verify(await issueToken(await makeSigningKey('EdDSA'))))).status).toBe(401);
    expect((await verifier.verify(await issueToken(key, { sub: 'still-fine' }))).userId).toBe('still-fine');
  });
});

function unsecured(payload: Record<string, unknown>): string {
  const encode = (value: unknown) => base64url.encode(JSON.stringify(value));
  return `${encode({ alg: 'none', typ: 'JWT' })}.${encode(payload)}.`;
}

/** The classic confusion attack: the public key (as text) used as an HMAC secret. */
async function hs256WithPublicKey(key: SigningKey): Promise<string> {
  const publicKey = await importJWK(key.publicJwk, key.alg);
  const pem = await exportSPKI(publicKey as CryptoKey);
  return new SignJWT({ roles: ['admin'] })
    .setProtectedHeader({ alg: 'HS256', kid: key.kid })
    .setSubject('attacker')
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setExpirationTime('5m')
    .sign(new TextEncoder().encode(pem));
}

function tamper(token: string): string {
  const [header, payload, signature] = token.split('.');
  const claims = JSON.parse(new TextDecoder().decode(base64url.decode(payload ?? ''))) as Record<string, unknown>;
  return `${header}.${base64url.encode(JSON.stringify({ ...claims, roles: ['admin'] }))}.${signature}`;
}
