import type { Cache } from './cache.port.js';

interface Entry {
  value: string;
  expiresAt: number;
}

export interface MemoryCacheOptions {
  /** How often expired entries are dropped even if nobody reads them again (default 60 s). */
  sweepIntervalMs?: number;
}

/**
 * The embedded-mode cache: one process, one Map. Expiry is checked on every read, so a stale value is
 * never returned; the periodic sweep only bounds memory for keys that are written once and never read.
 */
export class MemoryCache implements Cache {
  private readonly entries = new Map<string, Entry>();
  private readonly sweepTimer: NodeJS.Timeout;
  private closed = false;

  constructor(options: MemoryCacheOptions = {}) {
    this.sweepTimer = setInterval(() => this.sweep(), options.sweepIntervalMs ?? 60_000);
    // The sweep is housekeeping: it must never keep a process alive that has nothing else to do.
    this.sweepTimer.unref();
  }

  async get(key: string): Promise<string | undefined> {
    return this.live(key)?.value;
  }

  async set(key: string, value: string, ttlSeconds: number): Promise<void> {
    this.entries.set(key, { value, expiresAt: Date.now() + toMilliseconds(ttlSeconds) });
  }

  async delete(...keys: string[]): Promise<void> {
    for (const key of keys) this.entries.delete(key);
  }

  async increment(key: string, windowSeconds: number): Promise<number> {
    const windowMs = toMilliseconds(windowSeconds);
    const entry = this.live(key);
    if (!entry) {
      this.entries.set(key, { value: '1', expiresAt: Date.now() + windowMs });
      return 1;
    }
    const current = Number(entry.value);
    // Same contract as Redis INCR: a non-integer value is a caller bug, not something to paper over.
    if (!Number.isSafeInteger(current)) throw new Error(`cache value of ${key} is not an integer`);
    // The window is fixed: incrementing never moves the expiry that the first increment set.
    entry.value = String(current + 1);
    return current + 1;
  }

  async ttl(key: string): Promise<number | undefined> {
    const entry = this.live(key);
    return entry ? Math.ceil((entry.expiresAt - Date.now()) / 1000) : undefined;
  }

  async ping(): Promise<void> {
    if (this.closed) throw new Error('cache is closed');
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.sweepTimer);
    this.entries.clear();
  }

  /** The entry if it exists and has not expired; an expired one is dropped on the way. */
  private live(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= Date.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  private sweep(): void {
    const now = Date.now();
    for (const [key, entry] of this.entries) {
      if (entry.expiresAt <= now) this.entries.delete(key);
    }
  }
}

/** Rejects what Redis would reject, so both adapters fail the same way on a bad TTL. */
export function toMilliseconds(seconds: number): number {
  const ms = Math.round(seconds * 1000);
  if (!Number.isFinite(ms) || ms <= 0) throw new RangeError(`TTL must be a positive number of seconds, got ${seconds}`);
  return ms;
}
