import type { Cache } from '@msp/platform';

/** A cache whose server is gone: every command fails, as Redis commands do once reconnects give up. */
export function unavailableCache(): Cache {
  const down = () => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:6379'));
  return { get: down, set: down, delete: down, increment: down, ttl: down, ping: down, close: async () => {} };
}

/**
 * Resolves at once unless the current minute ends within `marginMs`; then after it has. Tests that
 * count requests in the gateway's clock-aligned one-minute windows must not straddle two windows.
 */
export async function awayFromWindowEdge(marginMs = 3_000, windowMs = 60_000): Promise<void> {
  const untilEdge = windowMs - (Date.now() % windowMs);
  if (untilEdge < marginMs) await new Promise((resolve) => setTimeout(resolve, untilEdge + 50));
}
