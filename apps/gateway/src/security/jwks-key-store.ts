import { createLocalJWKSet, errors, type FlattenedJWSInput, type JSONWebKeySet, type JWSHeaderParameters } from 'jose';

/** The keys that verify tokens could not be obtained at all: the gateway cannot authenticate anyone. */
export class KeysUnavailableError extends Error {
  constructor(cause: unknown) {
    super('the signing keys could not be fetched', { cause });
    this.name = 'KeysUnavailableError';
  }
}

type KeySet = ReturnType<typeof createLocalJWKSet>;

/** A token naming an unknown key refetches at most this often, so forged `kid`s cannot flood the auth service. */
const REFRESH_INTERVAL_MS = 30_000;

/**
 * The auth service's public keys, fetched once and kept in memory; tokens are then verified
 * locally with no call per request. A key rotated in later is picked up by the refetch that its
 * first token triggers.
 */
export class JwksKeyStore {
  private keySet: KeySet | undefined;
  private lastFetchAt = Number.NEGATIVE_INFINITY;
  private inFlight: Promise<KeySet> | undefined;

  constructor(
    private readonly fetchJwksJson: () => Promise<string>,
    private readonly now: () => number = Date.now,
  ) {}

  /** The key lookup `jose.jwtVerify` calls with the token's protected header. */
  readonly getKey = async (header: JWSHeaderParameters, token: FlattenedJWSInput) => {
    // Without any keys every failure is ours, not the token's: KeysUnavailableError propagates.
    const keys = this.keySet ?? (await this.load());
    try {
      return await keys(header, token);
    } catch (error) {
      if (!(error instanceof errors.JWKSNoMatchingKey) || this.now() - this.lastFetchAt < REFRESH_INTERVAL_MS) throw error;
      // Keys we already hold still verify older tokens, so a failed refetch only fails this token.
      const fresh = await this.load().catch(() => undefined);
      if (!fresh) throw error;
      return fresh(header, token);
    }
  };

  /** Concurrent requests share one fetch. */
  private load(): Promise<KeySet> {
    this.inFlight ??= this.fetch().finally(() => {
      this.inFlight = undefined;
    });
    return this.inFlight;
  }

  private async fetch(): Promise<KeySet> {
    this.lastFetchAt = this.now();
    try {
      const jwks = JSON.parse(await this.fetchJwksJson()) as JSONWebKeySet;
      if (!Array.isArray(jwks.keys)) throw new TypeError('the JWKS has no "keys" array');
      this.keySet = createLocalJWKSet(jwks);
      return this.keySet;
    } catch (error) {
      throw new KeysUnavailableError(error);
    }
  }
}
