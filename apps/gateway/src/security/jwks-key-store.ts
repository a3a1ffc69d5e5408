import { createLocalJWKSet, errors, type FlattenedJWSInput, type JSONWebKeySet, type JWSHeaderParameters } from 'jose';

/** The keys that verify tokens could not be obtained at all: the gateway cannot authenticate anyone. */
export class KeysUnavailableError extends Error {
  constructor(cause: unknown) {
    super('the signing keys could not be fetched', { cause });
    this.name = 'KeysUnavailableError';
  }
}

type KeySet = ReturnType<typeof createLocalJWKSet>;

/**
 * Tokens naming an unknown key refetch at most this often, so forged `kid`s cannot flood the auth
 * service. Short, because a rotation signs new tokens at once: their first requests wait for the next
 * allowed fetch (at most this long) instead of failing.
 */
export const REFRESH_INTERVAL_MS = 1_000;

const sleepFor = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The auth service's public keys, fetched once and kept in memory; tokens are then verified
 * locally with no call per request. A key rotated in later is picked up by the refetch that its
 * first token triggers, on this and on every other gateway process.
 */
export class JwksKeyStore {
  private keySet: KeySet | undefined;
  private lastFetchAt = Number.NEGATIVE_INFINITY;
  private inFlight: Promise<KeySet> | undefined;

  constructor(
    private readonly fetchJwksJson: () => Promise<string>,
    private readonly now: () => number = Date.now,
    private readonly sleep: (ms: number) => Promise<void> = sleepFor,
  ) {}

  /** The key lookup `jose.jwtVerify` calls with the token's protected header. */
  readonly getKey = async (header: JWSHeaderParameters, token: FlattenedJWSInput) => {
    // Without any keys every failure is ours, not the token's: KeysUnavailableError propagates.
    const keys = this.keySet ?? (await this.load());
    try {
      return await keys(header, token);
    } catch (error) {
      if (!(error instanceof errors.JWKSNoMatchingKey)) throw error;
      const seenFetchAt = this.lastFetchAt;
      const wait = seenFetchAt + REFRESH_INTERVAL_MS - this.now();
      if (wait > 0) await this.sleep(wait);
      // A fetch that started while this token waited (and has finished) serves it too: tokens held
      // together cause one fetch, not one each. Keys already held still verify older tokens, so a
      // failed refetch only fails this token.
      const fetchedMeanwhile = this.lastFetchAt !== seenFetchAt && !this.inFlight;
      const fresh = fetchedMeanwhile ? this.keySet : await this.load().catch(() => undefined);
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
