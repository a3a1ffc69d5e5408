import { describe, expect, it } from 'vitest';
import { retryDelayMs } from './retry-backoff.js';

describe('retryDelayMs', () => {
  it('doubles from 5 s, half of it random', () => {
    expect(retryDelayMs(1, () => 0)).toBe(2_500);
    expect(retryDelayMs(1, () => 1)).toBe(5_000);
    expect(retryDelayMs(2, () => 1)).toBe(10_000);
    expect(retryDelayMs(4, () => 0.5)).toBe(30_000);
  });

  it('never waits more than 15 minutes, however many attempts failed', () => {
    expect(retryDelayMs(9, () => 1)).toBe(900_000);
    expect(retryDelayMs(50, () => 1)).toBe(900_000);
    expect(retryDelayMs(50, () => 0)).toBe(450_000);
  });

  it('keeps the whole schedule of the default 12 attempts near an hour', () => {
    const total = Array.from({ length: 11 }, (_, index) => retryDelayMs(index + 1, () => 1)).reduce((a, b) => a + b, 0);

    expect(total).toBeGreaterThan(45 * 60_000);
    expect(total).toBeLessThan(90 * 60_000);
  });
});
