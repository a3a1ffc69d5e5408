import { createHash } from 'node:crypto';
import type { Cache } from '@msp/platform';

/** API.md: a key is remembered for 24 hours; a retry after that is a new request. */
export const IDEMPOTENCY_TTL_SECONDS = 24 * 60 * 60;
/**
 * How long an unfinished first request holds its key. Far above the gRPC deadline, so a slow request
 * keeps it to the end; short enough that a key whose gateway died mid-request frees itself.
 */
export const IDEMPOTENCY_LOCK_SECONDS = 60;

/** One use of a key: whose it is, the key, and a digest of the request it came with. */
export interface IdempotentRequest {
  callerId: string;
  key: string;
  fingerprint: string;
}

/** What a repeat answers: the first response's body and the headers that belong to it (ETag). */
export interface RecordedResponse {
  body: unknown;
  headers: Record<string, string>;
}

export type Claim =
  { outcome: 'claimed' } | { outcome: 'replay'; response: RecordedResponse } | { outcome: 'reused' } | { outcome: 'in-progress' };

interface StoredRecord extends RecordedResponse {
  fingerprint: string;
}

/**
 * Idempotency records in the cache every gateway process shares, so a retry that lands on another
 * process still finds the first answer. The cache has no "set if absent", so a counter is the lock:
 * only the request that takes it from 0 to 1 runs.
 */
export class IdempotencyStore {
  constructor(
    private readonly cache: Cache,
    private readonly ttlSeconds = IDEMPOTENCY_TTL_SECONDS,
    private readonly lockSeconds = IDEMPOTENCY_LOCK_SECONDS,
  ) {}

  /** Decides what a request with a key does: run (it now holds the key), replay, or be refused. */
  async claim(request: IdempotentRequest): Promise<Claim> {
    const recorded = await this.recorded(request);
    if (recorded) return recorded;
    if ((await this.cache.increment(this.lockKey(request), this.lockSeconds)) > 1) return { outcome: 'in-progress' };
    // The first request may have finished between the read and the lock; it records before it
    // unlocks, so a second look cannot miss it.
    const late = await this.recorded(request);
    if (late) {
      await this.release(request);
      return late;
    }
    return { outcome: 'claimed' };
  }

  /** Remembers the answer of a claimed request, then frees the key for its repeats. */
  async record(request: IdempotentRequest, response: RecordedResponse): Promise<void> {
    const stored: StoredRecord = { fingerprint: request.fingerprint, ...response };
    await this.cache.set(this.recordKey(request), JSON.stringify(stored), this.ttlSeconds);
    await this.release(request);
  }

  /** A claimed request failed: nothing happened that a retry could repeat, so the key is free again. */
  async release(request: IdempotentRequest): Promise<void> {
    await this.cache.delete(this.lockKey(request));
  }

  private async recorded(request: IdempotentRequest): Promise<Claim | undefined> {
    const raw = await this.cache.get(this.recordKey(request));
    if (raw === undefined) return undefined;
    const stored = JSON.parse(raw) as StoredRecord;
    if (stored.fingerprint !== request.fingerprint) return { outcome: 'reused' };
    return { outcome: 'replay', response: { body: stored.body, headers: stored.headers } };
  }

  // The caller is part of the key, so one user's key can never replay another user's answer. The
  // client's key is hashed: it may hold any visible character and up to 255 of them.
  private recordKey(request: IdempotentRequest): string {
    return `idempotency:${request.callerId}:${digestOf(request.key)}`;
  }

  private lockKey(request: IdempotentRequest): string {
    return `idempotency-lock:${request.callerId}:${digestOf(request.key)}`;
  }
}

export function digestOf(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
