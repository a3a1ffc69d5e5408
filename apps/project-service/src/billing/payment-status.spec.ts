import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACTIVE_STATUSES, canMove, PAYMENT_STATUSES, type PaymentStatus } from './payment-status.js';

// How far along the money is; `unknown` is no position at all (see payment-status.ts).
const progress: Record<Exclude<PaymentStatus, 'unknown'>, number> = { pending: 0, processing: 1, succeeded: 2, failed: 2, refunded: 3 };

describe('payment status moves', () => {
  it('never go back, never leave a final state, and never make a known state unknown except from pending', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PAYMENT_STATUSES), fc.constantFrom(...PAYMENT_STATUSES), (from, to) => {
        if (!canMove(from, to)) return;
        if (from !== 'unknown' && to !== 'unknown') expect(progress[to]).toBeGreaterThan(progress[from]);
        if (to === 'unknown') expect(from).toBe('pending');
        expect(['failed', 'refunded']).not.toContain(from);
      }),
    );
  });

  it('settle an unknown payment on whatever the gateway says', () => {
    for (const to of ['pending', 'processing', 'succeeded', 'failed'] as const) expect(canMove('unknown', to)).toBe(true);
    expect(canMove('unknown', 'refunded')).toBe(false);
  });

  it('leave exactly the statuses whose money may still move active', () => {
    expect([...ACTIVE_STATUSES].sort()).toEqual(['pending', 'processing', 'unknown']);
  });

  it('apply any sequence of settlements in any order to the same final state', () => {
    // Whatever order webhooks and answers arrive in, a payment that succeeded ends succeeded.
    const settlements = fc.array(fc.constantFrom<PaymentStatus>('pending', 'processing', 'unknown', 'succeeded'), { maxLength: 12 });
    fc.assert(
      fc.property(settlements, (sequence) => {
        let status: PaymentStatus = 'pending';
        for (const to of [...sequence, 'succeeded' as const, ...sequence]) if (canMove(status, to)) status = to;
        expect(status).toBe('succeeded');
      }),
    );
  });
});
