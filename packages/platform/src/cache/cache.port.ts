/**
 * The cache port: Redis in distributed mode, process memory in embedded mode. Values are strings;
 * callers serialize. Every key written with a TTL, so a missed invalidation heals by itself.
 */
export interface Cache {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string, ttlSeconds: number): Promise<void>;
  delete(...keys: string[]): Promise<void>;
  /**
   * Adds one to a counter and returns the new value; the counter expires `windowSeconds` after it
   * was first created (fixed window), which is what rate limits and lockout counters need.
   */
  increment(key: string, windowSeconds: number): Promise<number>;
  /** Seconds until `key` expires, or undefined when it does not exist. */
  ttl(key: string): Promise<number | undefined>;
  ping(): Promise<void>;
  close(): Promise<void>;
}
