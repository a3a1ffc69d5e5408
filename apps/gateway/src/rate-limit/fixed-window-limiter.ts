import type { Cache } from '@msp/platform';

/** Where a client stands against one limit after a request was counted. */
export interface WindowUsage {
  limit: number;
  remaining: number;
  /** Seconds until the window ends and the budget is whole again. */
  resetSeconds: number;
  exceeded: boolean;
}

/** Adds one to the counter `key` (full key, in the limiter's cache) and returns its new value. */
export type CounterIncrement = (key: string, windowSeconds: number) => Promise<number>;

/**
 * Fixed-window request counters in the shared cache, so every gateway process draws on the same
 * budget. Windows are aligned to the clock and numbered in the key: all processes agree on when a
 * window starts, and the reset time needs no second round trip to the cache.
 */
export class FixedWindowLimiter {
  constructor(
    private readonly cache: Cache,
    readonly windowSeconds: number,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Counts one request for `key` against `limit` requests per window. Rejects when the cache fails.
   * `increment`, when given, counts instead of the cache's own increment (the same counter, read in
   * one command with other keys).
   */
  async hit(key: string, limit: number, increment?: CounterIncrement): Promise<WindowUsage> {
    const windowMs = this.windowSeconds * 1000;
    const now = this.now();
    const window = Math.floor(now / windowMs);
    // In embedded mode the cache is shared with the services without a key prefix, so the key
    // names its owner. A counter outlives its window by at most one window.
    const counter = `gateway:${key}:${window}`;
    const count = await (increment ? increment(counter, this.windowSeconds) : this.cache.increment(counter, this.windowSeconds));
    return {
      limit,
      remaining: Math.max(0, limit - count),
      resetSeconds: Math.max(1, Math.ceil(((window + 1) * windowMs - now) / 1000)),
      exceeded: count > limit,
    };
  }
}
