/** The first retry waits about this long: enough for a server that said "421 try again later". */
const BASE_DELAY_MS = 5_000;
/** No retry waits longer: with the default attempt limit the last try is about an hour after the first. */
const MAX_DELAY_MS = 15 * 60_000;

/**
 * How long to wait before the next attempt after `attemptsMade` failed ones: doubling from 5 s up to
 * 15 min, half of it random, so deliveries that failed together (the server was down) do not all
 * return at the same instant when it comes back.
 */
export function retryDelayMs(attemptsMade: number, random: () => number = Math.random): number {
  const ceiling = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.max(0, attemptsMade - 1));
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}
