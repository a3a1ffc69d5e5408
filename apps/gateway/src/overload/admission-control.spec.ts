import { describe, expect, it, vi } from 'vitest';
import { AdmissionControl, type Release } from './admission-control.js';

describe('AdmissionControl', () => {
  it('admits up to maxInFlight at once, queues the next ones and refuses beyond the queue', async () => {
    const admission = new AdmissionControl({ maxInFlight: 2, maxQueued: 1, queueTimeoutMs: 10_000 });
    const first = admission.enter() as Release;
    const second = admission.enter() as Release;
    expect(typeof first).toBe('function');
    expect(typeof second).toBe('function');
    const waiting = admission.enter();
    expect(waiting).toBeInstanceOf(Promise);
    expect(admission.enter()).toBeUndefined();
    expect(admission.stats()).toEqual({ inFlight: 2, queued: 1, shed: 1 });

    first();
    first(); // a second release of the same slot changes nothing
    const third = await waiting;
    expect(typeof third).toBe('function');
    expect(admission.stats()).toEqual({ inFlight: 2, queued: 0, shed: 1 });
  });

  it('refuses a queued request whose wait ran out, and keeps FIFO order for the others', async () => {
    vi.useFakeTimers();
    try {
      const admission = new AdmissionControl({ maxInFlight: 1, maxQueued: 5, queueTimeoutMs: 100 });
      const held = admission.enter() as Release;
      const early = admission.enter() as Promise<Release | undefined>;
      vi.advanceTimersByTime(60);
      const late = admission.enter() as Promise<Release | undefined>;
      vi.advanceTimersByTime(50);
      expect(await early).toBeUndefined();
      held();
      expect(typeof (await late)).toBe('function');
      expect(admission.stats()).toEqual({ inFlight: 1, queued: 0, shed: 1 });
    } finally {
      vi.useRealTimers();
    }
  });

  it('lets nobody jump the queue while requests wait', () => {
    const admission = new AdmissionControl({ maxInFlight: 1, maxQueued: 5, queueTimeoutMs: 1_000 });
    const held = admission.enter() as Release;
    void admission.enter();
    held();
    // The freed slot went to the waiter, so a newcomer waits too.
    expect(admission.enter()).toBeInstanceOf(Promise);
  });
});
