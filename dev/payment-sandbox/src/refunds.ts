import type { Charges } from './charges.js';
import type { EventLog, RequestInfo } from './event-log.js';
import { newId } from './ids.js';
import { listPage, type PageParams } from './list-pages.js';
import type { PaymentIntents } from './payment-intents.js';
import type { SandboxStore } from './sandbox-store.js';
import { invalidRequest, resourceMissing } from './stripe-error.js';
import type { ChargeObject, Metadata, RefundObject } from './stripe-objects.js';

export interface CreateRefundParams {
  payment_intent?: string | undefined;
  charge?: string | undefined;
  amount?: number | undefined;
  metadata?: Metadata | '' | undefined;
  reason?: string | undefined;
}

export interface RefundsOptions {
  store: SandboxStore;
  charges: Charges;
  paymentIntents: PaymentIntents;
  events: EventLog;
  now: () => number;
}

/** Refunds succeed at once; the one rule that matters is that the refunded total never exceeds the charge. */
export class Refunds {
  constructor(private readonly options: RefundsOptions) {}

  create(params: CreateRefundParams, request: RequestInfo): RefundObject {
    const charge = this.refundableCharge(params);
    const remaining = charge.amount - charge.amount_refunded;
    if (remaining === 0) {
      throw invalidRequest(`Charge ${charge.id} has already been refunded.`, { code: 'charge_already_refunded', param: 'charge' });
    }
    const amount = params.amount ?? remaining;
    if (amount > remaining) {
      throw invalidRequest(
        `Refund amount (${amount} ${charge.currency}) is greater than unrefunded amount on charge (${remaining} ${charge.currency}), in minor units.`,
        { code: 'amount_too_large', param: 'amount' },
      );
    }

    const refund: RefundObject = {
      id: newId('re'),
      object: 'refund',
      amount,
      balance_transaction: null,
      charge: charge.id,
      created: Math.floor(this.options.now() / 1000),
      currency: charge.currency,
      metadata: params.metadata ? { ...params.metadata } : {},
      payment_intent: charge.payment_intent,
      reason: params.reason ?? null,
      receipt_number: null,
      status: 'succeeded',
    };
    this.options.store.refunds.add(refund);
    charge.amount_refunded += amount;
    charge.refunded = charge.amount_refunded === charge.amount;
    this.options.events.record('charge.refunded', charge, request);
    return refund;
  }

  retrieve(id: string): RefundObject {
    const refund = this.options.store.refunds.get(id);
    if (!refund) throw resourceMissing('refund', id, 'refund');
    return refund;
  }

  list(params: PageParams & { payment_intent?: string | undefined; charge?: string | undefined }) {
    const refunds = this.options.store.refunds
      .newestFirst()
      .filter(
        (r) => (!params.payment_intent || r.payment_intent === params.payment_intent) && (!params.charge || r.charge === params.charge),
      );
    return listPage('/v1/refunds', 'refund', refunds, params);
  }

  private refundableCharge(params: CreateRefundParams): ChargeObject {
    if (!params.payment_intent && !params.charge) {
      throw invalidRequest('One of the following params should be provided for this request: payment_intent or charge.', {
        code: 'parameter_missing',
        param: 'payment_intent',
      });
    }
    let charge: ChargeObject | undefined;
    if (params.payment_intent) {
      const intent = this.options.paymentIntents.retrieve(params.payment_intent);
      const latest = typeof intent.latest_charge === 'string' ? this.options.charges.retrieve(intent.latest_charge) : undefined;
      if (intent.status !== 'succeeded' || latest?.status !== 'succeeded') {
        throw invalidRequest(`This PaymentIntent (${intent.id}) does not have a successful charge to refund.`, { param: 'payment_intent' });
      }
      charge = latest;
    }
    if (params.charge) {
      const named = this.options.charges.retrieve(params.charge, 'charge');
      if (charge && charge.id !== named.id) {
        throw invalidRequest(`Charge ${named.id} does not belong to PaymentIntent ${params.payment_intent}.`, { param: 'charge' });
      }
      if (named.status !== 'succeeded')
        throw invalidRequest(`Charge ${named.id} has not succeeded and cannot be refunded.`, { param: 'charge' });
      charge = named;
    }
    if (!charge) throw invalidRequest('Nothing to refund.', { param: 'payment_intent' });
    return charge;
  }
}
