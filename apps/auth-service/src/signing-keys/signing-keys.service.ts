import { randomUUID } from 'node:crypto';
import { UnitOfWork } from '@msp/platform';
import { Inject, Injectable } from '@nestjs/common';
import { exportJWK, generateKeyPair, importJWK, SignJWT, type JWK, type CryptoKey } from 'jose';
import { AUTH_SETTINGS, type AuthSettings } from '../auth-settings.js';
import { SigningKeysRepository } from './signing-keys.repository.js';

const ALGORITHM = 'EdDSA';

export interface AccessClaims {
  userId: string;
  sessionId: string;
  roles: string[];
}

/** Signs access tokens with the active Ed25519 key and publishes every live key as a JWKS. */
@Injectable()
export class SigningKeysService {
  private active: { kid: string; key: CryptoKey } | undefined;

  constructor(
    private readonly keys: SigningKeysRepository,
    private readonly unitOfWork: UnitOfWork,
    @Inject(AUTH_SETTINGS) private readonly settings: AuthSettings,
  ) {}

  /** Makes sure a signing key exists (the first start creates one) and loads it. */
  async ensureActiveKey(): Promise<void> {
    // Replicas starting together may each insert one: all then use the newest.
    if (!(await this.keys.findActive())) await this.createKey();
    await this.loadActive();
  }

  /** A new key signs from now on; the previous ones stay in the JWKS until their tokens expired. */
  async rotate(): Promise<string> {
    const kid = await this.createKey();
    await this.keys.retireAllExcept(kid, new Date());
    await this.loadActive();
    await this.unitOfWork.run(
      async (_tx, events) => void (await events.add({ type: 'auth.signing_key.rotated.v1', subject: kid, data: { kid } })),
    );
    return kid;
  }

  /**
   * Follows rotations made by other replicas (reloading the active key) and rotates on schedule
   * when the active key is older than the configured age.
   */
  async maintain(): Promise<void> {
    const row = await this.keys.findActive();
    if (row && Date.now() - row.createdAt.getTime() > this.settings.signingKeyRotationMs) await this.rotate();
    else await this.loadActive();
  }

  private async createKey(): Promise<string> {
    const { publicKey, privateKey } = await generateKeyPair(ALGORITHM, { crv: 'Ed25519', extractable: true });
    const kid = randomUUID();
    await this.keys.insert({
      kid,
      algorithm: ALGORITHM,
      publicJwk: { ...(await exportJWK(publicKey)), kid, alg: ALGORITHM, use: 'sig' },
      privateJwk: await exportJWK(privateKey),
    });
    return kid;
  }

  private async loadActive(): Promise<void> {
    const row = await this.keys.findActive();
    if (!row) throw new Error('no signing key');
    if (this.active?.kid === row.kid) return;
    this.active = { kid: row.kid, key: (await importJWK(row.privateJwk as JWK, ALGORITHM)) as CryptoKey };
  }

  async signAccessToken(claims: AccessClaims): Promise<string> {
    if (!this.active) await this.ensureActiveKey();
    const active = this.active!;
    return new SignJWT({ sid: claims.sessionId, roles: claims.roles })
      .setProtectedHeader({ alg: ALGORITHM, kid: active.kid, typ: 'JWT' })
      .setIssuer(this.settings.issuer)
      .setAudience(this.settings.audience)
      .setSubject(claims.userId)
      .setIssuedAt()
      .setExpirationTime(`${this.settings.accessTokenTtlSeconds}s`)
      .setJti(randomUUID())
      .sign(active.key);
  }

  /** Active keys plus retired ones whose tokens may not have expired yet. */
  async jwks(): Promise<{ keys: JWK[] }> {
    const retiredAfter = new Date(Date.now() - this.settings.accessTokenTtlSeconds * 1000 * 2);
    const rows = await this.keys.findPublishable(retiredAfter);
    return { keys: rows.map((row) => row.publicJwk as JWK) };
  }
}
