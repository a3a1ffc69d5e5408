import type { Caller } from '@msp/platform';

/** Enough for every token in use on a busy gateway process; past it the oldest entries go first. */
export const MAX_CACHED_TOKENS = 10_000;

interface Entry {
  caller: Caller;
  /** The token's `exp`, in ms: the cached answer is never used at or after it. */
  expiresAtMs: number;
}

/**
 * Tokens that passed full verification, until their own expiry. A signed token never changes, so its
 * signature, issuer, audience and claims need checking once, not on every request (an ES256 check is
 * a large share of a cached read's CPU). Only the verdict "valid" is kept: a bad token is checked
 * again each time. Whether the token's session is still open is not cached: that is the revocation
 * list's question, asked on every request.
 */
export class VerifiedTokenCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly maxEntries = MAX_CACHED_TOKENS,
    private readonly now: () => number = Date.now,
  ) {}

  get(token: string): Caller | undefined {
    const entry = this.entries.get(token);
    if (!entry) return undefined;
    if (this.now() >= entry.expiresAtMs) {
      this.entries.delete(token);
      return undefined;
    }
    return entry.caller;
  }

  set(token: string, caller: Caller, expiresAtSeconds: number): void {
    const expiresAtMs = expiresAtSeconds * 1000;
    if (this.now() >= expiresAtMs) return;
    this.entries.delete(token);
    // A Map iterates in insertion order: the first key is the oldest entry.
    while (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(token, { caller, expiresAtMs });
  }

  get size(): number {
    return this.entries.size;
  }
}
