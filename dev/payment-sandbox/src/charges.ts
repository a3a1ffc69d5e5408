import { newId } from './ids.js';
import { listPage, type PageParams } from './list-pages.js';
import type { SandboxStore } from './sandbox-store.js';
import { resourceMissing } from './stripe-error.js';
import type { ChargeObject, PaymentIntentObject } from './stripe-objects.js';
import type { TestCard } from './test-cards.js';

export type ChargeResult = { status: 'succeeded' } | { status: 'pending' } | { status: 'failed'; declineCode: string; message: string };

const OUTCOMES: Record<ChargeObject['status'], ChargeObject['outcome']> = {
  succeeded: { network_status: 'approved_by_network', reason: null, seller_message: 'Payment complete.', type: 'authorized' },
  pending: { network_status: 'approved_by_network', reason: null, seller_message: 'Payment is processing.', type: 'authorized' },
  failed: {
    network_status: 'declined_by_network',
    reason: 'generic_decline',
    seller_message: 'The bank did not return any further details.',
    type: 'issuer_declined',
  },
};

/** A charge is one attempt to move money for an intent; declines leave a failed charge behind, as in Stripe. */
export function newCharge(
  intent: PaymentIntentObject,
  paymentMethod: string,
  card: TestCard,
  result: ChargeResult,
  created: number,
): ChargeObject {
  const charge: ChargeObject = {
    id: newId('ch'),
    object: 'charge',
    amount: intent.amount,
    amount_captured: 0,
    amount_refunded: 0,
    balance_transaction: null,
    captured: false,
    created,
    currency: intent.currency,
    description: intent.description,
    failure_code: null,
    failure_message: null,
    livemode: false,
    metadata: { ...intent.metadata },
    outcome: { ...OUTCOMES[result.status] },
    paid: false,
    payment_intent: intent.id,
    payment_method: paymentMethod,
    payment_method_details: { type: 'card', card: { ...card.card } },
    refunded: false,
    status: result.status,
  };
  if (result.status === 'succeeded') settleCharge(charge);
  if (result.status === 'failed') {
    charge.failure_code = 'card_declined';
    charge.failure_message = result.message;
    charge.outcome.reason = result.declineCode;
  }
  return charge;
}

/** Marks a (pending) charge as paid and captured in full. */
export function settleCharge(charge: ChargeObject): void {
  charge.status = 'succeeded';
  charge.paid = true;
  charge.captured = true;
  charge.amount_captured = charge.amount;
  charge.outcome = { ...OUTCOMES.succeeded };
}

/** Read side of charges: the reconciler and refunds look them up; only confirmations create them. */
export class Charges {
  constructor(private readonly store: SandboxStore) {}

  retrieve(id: string, param = 'id'): ChargeObject {
    const charge = this.store.charges.get(id);
    if (!charge) throw resourceMissing('charge', id, param);
    return charge;
  }

  list(params: PageParams & { payment_intent?: string | undefined }) {
    const charges = this.store.charges.newestFirst().filter((c) => !params.payment_intent || c.payment_intent === params.payment_intent);
    return listPage('/v1/charges', 'charge', charges, params);
  }
}
