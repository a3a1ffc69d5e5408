import type { GatewayIntent } from './payment-gateway.port.js';
import type { Settlement } from './payment-settlement.js';

/**
 * What an intent's state at the gateway means for the payment:
 * - `settled`: the ledger can move to this state now;
 * - `declined`: a card was refused and the intent waits for another one. It is canceled before the
 *   payment counts as failed, so nothing (a client holding the client secret) can charge it later;
 * - `open`: nothing happened yet (never confirmed, or the confirmation not arrived);
 * - `mismatch`: the intent is not for this payment's amount: never settled on, always investigated.
 */
export type IntentOutcome =
  | { kind: 'settled'; settlement: Settlement }
  | { kind: 'declined'; reason: string }
  | { kind: 'open' }
  | { kind: 'mismatch'; problem: string };

export function outcomeOf(intent: GatewayIntent, payment: { id: string; amount: number; currency: string }): IntentOutcome {
  if (intent.amount !== payment.amount || intent.currency !== payment.currency) {
    return {
      kind: 'mismatch',
      problem: `intent ${intent.id} is for ${intent.amount} ${intent.currency}, payment ${payment.id} for ${payment.amount} ${payment.currency}`,
    };
  }
  const paymentId = intent.metadata.payment_id;
  if (paymentId !== undefined && paymentId !== payment.id) {
    return { kind: 'mismatch', problem: `intent ${intent.id} belongs to payment ${paymentId}, not ${payment.id}` };
  }
  switch (intent.status) {
    case 'succeeded':
      return { kind: 'settled', settlement: { status: 'succeeded' } };
    case 'processing':
      return { kind: 'settled', settlement: { status: 'processing' } };
    case 'canceled':
      return { kind: 'settled', settlement: { status: 'failed', reason: intent.lastError ?? 'The payment was canceled.' } };
    case 'requires_payment_method':
      return intent.lastError ? { kind: 'declined', reason: intent.lastError } : { kind: 'open' };
    case 'requires_confirmation':
    case 'requires_action':
    case 'requires_capture':
      return { kind: 'open' };
  }
}
