import { idempotencyMismatch } from './stripe-error.js';

/** A response as first sent, so a replay is byte-for-byte the same. */
export interface StoredResponse {
  status: number;
  body: string;
  requestId: string;
}

interface Entry {
  endpoint: string;
  fingerprint: string;
  response: StoredResponse;
  storedAt: number;
}

export type IdempotencyLookup = { kind: 'new' } | { kind: 'replay'; response: StoredResponse };

export const IDEMPOTENCY_KEY_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * Stripe's idempotency layer: the first response under a key is kept for 24 hours and replayed to
 * any retry with the same endpoint and parameters; reusing the key for anything else is an error.
 * Keys are per account; the sandbox is one account, so they are global.
 */
export class IdempotencyStore {
  // Insertion order is storage order, so expired entries are always at the front.
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly now: () => number,
    private readonly ttlMs = IDEMPOTENCY_KEY_TTL_MS,
  ) {}

  /** Throws a StripeApiError (idempotency_error) when the key was used for a different request. */
  lookup(key: string, endpoint: string, fingerprint: string): IdempotencyLookup {
    this.prune();
    const entry = this.entries.get(key);
    if (!entry) return { kind: 'new' };
    if (entry.endpoint !== endpoint) throw idempotencyMismatch(key, false);
    if (entry.fingerprint !== fingerprint) throw idempotencyMismatch(key, true);
    return { kind: 'replay', response: entry.response };
  }

  save(key: string, endpoint: string, fingerprint: string, response: StoredResponse): void {
    this.entries.delete(key);
    this.entries.set(key, { endpoint, fingerprint, response, storedAt: this.now() });
  }

  clear(): void {
    this.entries.clear();
  }

  private prune(): void {
    const cutoff = this.now() - this.ttlMs;
    for (const [key, entry] of this.entries) {
      if (entry.storedAt > cutoff) break;
      this.entries.delete(key);
    }
  }
}

/** The parameters as one string independent of their order, so the same request fingerprints the same. */
export function requestFingerprint(params: unknown): string {
  return JSON.stringify(sortKeys(params));
}

function sortKeys(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map(sortKeys);
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
  );
}
