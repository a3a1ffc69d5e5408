export const PAYMENT_STATUSES = ['pending', 'processing', 'succeeded', 'failed', 'refunded', 'unknown'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

/** Statuses whose money may still move at the gateway; a project has at most one such payment. */
export const ACTIVE_STATUSES = ['pending', 'processing', 'unknown'] as const satisfies readonly PaymentStatus[];

/**
 * The only moves a payment may make: forward, never back. `unknown` is not a state of the money but
 * a gap in what we know (a call whose answer never came), so settling it may land on any state the
 * gateway reports, `pending` included when nothing happened. A late or out-of-order webhook that
 * names an earlier state (`processing` after `succeeded`) finds its move missing here and does nothing.
 */
const MOVES_TO: Record<PaymentStatus, readonly PaymentStatus[]> = {
  pending: ['unknown'],
  processing: ['pending', 'unknown'],
  succeeded: ['pending', 'processing', 'unknown'],
  failed: ['pending', 'processing', 'unknown'],
  refunded: ['succeeded'],
  unknown: ['pending'],
};

/** The statuses a payment may be in for a move to `to`. */
export function movesTo(to: PaymentStatus): readonly PaymentStatus[] {
  return MOVES_TO[to];
}

export function canMove(from: PaymentStatus, to: PaymentStatus): boolean {
  return MOVES_TO[to].includes(from);
}

export function isPaymentStatus(value: string): value is PaymentStatus {
  return (PAYMENT_STATUSES as readonly string[]).includes(value);
}
