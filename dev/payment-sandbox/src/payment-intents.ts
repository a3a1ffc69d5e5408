import { newCharge, settleCharge, type ChargeResult } from './charges.js';
import { NO_REQUEST, type EventLog, type RequestInfo } from './event-log.js';
import { newId, randomToken } from './ids.js';
import { listPage, searchPage, type PageParams } from './list-pages.js';
import type { SandboxStore } from './sandbox-store.js';
import { parsePaymentIntentQuery } from './search-query.js';
import { cardDeclined, invalidRequest, resourceMissing, unexpectedState } from './stripe-error.js';
import type { Metadata, PaymentIntentObject, PaymentIntentStatus } from './stripe-objects.js';
import { findTestCard, TEST_PAYMENT_METHODS, type TestCard } from './test-cards.js';
import type { TimerSet } from './timers.js';

export interface PaymentIntentsOptions {
  store: SandboxStore;
  events: EventLog;
  timers: TimerSet;
  now: () => number;
  delayedCardMs: number;
  timeoutCardMs: number;
}

/** What a state change answers: the intent, and for the timeout card how long to hold the HTTP response. */
export interface IntentOutcome {
  intent: PaymentIntentObject;
  holdResponseMs?: number;
}

export interface CreateIntentParams {
  amount: number;
  currency: string;
  metadata?: Metadata | '' | undefined;
  description?: string | undefined;
  payment_method?: string | undefined;
  confirm?: boolean | undefined;
  automatic_payment_methods?: { enabled: boolean } | undefined;
  customer?: string | undefined;
  receipt_email?: string | undefined;
  statement_descriptor?: string | undefined;
  statement_descriptor_suffix?: string | undefined;
}

export interface UpdateIntentParams {
  amount?: number | undefined;
  currency?: string | undefined;
  metadata?: Metadata | '' | undefined;
  description?: string | undefined;
  payment_method?: string | undefined;
  receipt_email?: string | undefined;
}

const CONFIRMABLE: PaymentIntentStatus[] = ['requires_payment_method', 'requires_confirmation'];
const CANCELABLE: PaymentIntentStatus[] = ['requires_payment_method', 'requires_confirmation', 'requires_action', 'requires_capture'];

/**
 * The PaymentIntent state machine: requires_payment_method → requires_confirmation → (processing →)
 * succeeded, back to requires_payment_method on a decline, or canceled. Every change that Stripe
 * announces is recorded as an event (and so sent as a webhook).
 */
export class PaymentIntents {
  constructor(private readonly options: PaymentIntentsOptions) {}

  create(params: CreateIntentParams, request: RequestInfo): IntentOutcome {
    // Validate everything before storing, so a rejected request leaves nothing behind.
    if (params.payment_method) this.testCard(params.payment_method);
    if (params.confirm && !params.payment_method) throw missingPaymentMethod();

    const id = newId('pi');
    const intent: PaymentIntentObject = {
      id,
      object: 'payment_intent',
      amount: params.amount,
      amount_capturable: 0,
      amount_received: 0,
      automatic_payment_methods: params.automatic_payment_methods ? { enabled: params.automatic_payment_methods.enabled } : null,
      canceled_at: null,
      cancellation_reason: null,
      capture_method: 'automatic',
      client_secret: `${id}_secret_${randomToken(25)}`,
      confirmation_method: 'automatic',
      created: this.nowSeconds(),
      currency: params.currency,
      customer: params.customer ?? null,
      description: params.description ?? null,
      last_payment_error: null,
      latest_charge: null,
      livemode: false,
      metadata: mergeMetadata({}, params.metadata),
      next_action: null,
      payment_method: params.payment_method ?? null,
      payment_method_types: ['card'],
      processing: null,
      receipt_email: params.receipt_email ?? null,
      statement_descriptor: params.statement_descriptor ?? null,
      statement_descriptor_suffix: params.statement_descriptor_suffix ?? null,
      status: params.payment_method ? 'requires_confirmation' : 'requires_payment_method',
    };
    this.options.store.paymentIntents.add(intent);
    return params.confirm ? this.confirm(id, {}, request) : { intent };
  }

  retrieve(id: string): PaymentIntentObject {
    const intent = this.options.store.paymentIntents.get(id);
    if (!intent) throw resourceMissing('payment_intent', id, 'intent');
    return intent;
  }

  update(id: string, params: UpdateIntentParams): PaymentIntentObject {
    const intent = this.retrieve(id);
    const changesPayment = params.amount !== undefined || params.currency !== undefined || params.payment_method !== undefined;
    if (changesPayment && !CONFIRMABLE.includes(intent.status)) {
      throw unexpectedState(
        `You cannot update the amount, currency or payment method of a PaymentIntent with a status of ${intent.status}.`,
        intent,
      );
    }
    if (params.payment_method) this.testCard(params.payment_method);

    if (params.amount !== undefined) intent.amount = params.amount;
    if (params.currency !== undefined) intent.currency = params.currency;
    if (params.description !== undefined) intent.description = params.description || null;
    if (params.receipt_email !== undefined) intent.receipt_email = params.receipt_email || null;
    if (params.payment_method !== undefined) {
      intent.payment_method = params.payment_method;
      intent.status = 'requires_confirmation';
    }
    intent.metadata = mergeMetadata(intent.metadata, params.metadata);
    return intent;
  }

  confirm(id: string, params: { payment_method?: string | undefined }, request: RequestInfo): IntentOutcome {
    const intent = this.retrieve(id);
    if (!CONFIRMABLE.includes(intent.status)) {
      throw unexpectedState(
        `You cannot confirm this PaymentIntent because it has a status of ${intent.status}. ` +
          `Only a PaymentIntent with one of the following statuses may be confirmed: ${CONFIRMABLE.join(', ')}.`,
        intent,
      );
    }
    const paymentMethod = params.payment_method ?? intent.payment_method;
    if (!paymentMethod) throw missingPaymentMethod();
    const card = this.testCard(paymentMethod);
    intent.payment_method = paymentMethod;

    switch (card.behaviour.kind) {
      case 'succeed':
        this.charge(intent, card, { status: 'succeeded' });
        return { intent: this.succeed(intent, request) };
      case 'timeout':
        // The money moves now; only the answer is late. A retry with the same idempotency key
        // gets the stored answer at once, just as a lost response would be replayed by Stripe.
        this.charge(intent, card, { status: 'succeeded' });
        return { intent: this.succeed(intent, request), holdResponseMs: this.options.timeoutCardMs };
      case 'delayed': {
        const charge = this.charge(intent, card, { status: 'pending' });
        intent.status = 'processing';
        intent.processing = { type: 'card' };
        this.options.events.record('payment_intent.processing', intent, request);
        this.options.timers.after(this.options.delayedCardMs, () => {
          settleCharge(charge);
          intent.processing = null;
          this.succeed(intent, NO_REQUEST);
        });
        return { intent };
      }
      case 'decline': {
        const { declineCode, message } = card.behaviour;
        const charge = this.charge(intent, card, { status: 'failed', declineCode, message });
        // As in Stripe: the intent waits for another payment method; the failed one is named in the error.
        intent.status = 'requires_payment_method';
        intent.payment_method = null;
        intent.last_payment_error = {
          type: 'card_error',
          code: 'card_declined',
          decline_code: declineCode,
          message,
          doc_url: 'https://docs.stripe.com/error-codes/card-declined',
          charge: charge.id,
          payment_method: { id: paymentMethod, object: 'payment_method', type: 'card' },
        };
        this.options.events.record('payment_intent.payment_failed', intent, request);
        throw cardDeclined(declineCode, message, charge.id, structuredClone(intent));
      }
    }
  }

  cancel(id: string, params: { cancellation_reason?: string | undefined }, request: RequestInfo): PaymentIntentObject {
    const intent = this.retrieve(id);
    if (!CANCELABLE.includes(intent.status)) {
      throw unexpectedState(
        `You cannot cancel this PaymentIntent because it has a status of ${intent.status}. ` +
          `Only a PaymentIntent with one of the following statuses may be canceled: ${CANCELABLE.join(', ')}.`,
        intent,
      );
    }
    intent.status = 'canceled';
    intent.canceled_at = this.nowSeconds();
    intent.cancellation_reason = params.cancellation_reason ?? null;
    this.options.events.record('payment_intent.canceled', intent, request);
    return intent;
  }

  list(params: PageParams & { customer?: string | undefined }) {
    const intents = this.options.store.paymentIntents.newestFirst().filter((pi) => !params.customer || pi.customer === params.customer);
    return listPage('/v1/payment_intents', 'payment_intent', intents, params);
  }

  search(params: { query: string; limit?: number | undefined; page?: string | undefined }) {
    const matches = parsePaymentIntentQuery(params.query);
    return searchPage('/v1/payment_intents/search', this.options.store.paymentIntents.newestFirst().filter(matches), params);
  }

  private charge(intent: PaymentIntentObject, card: TestCard, result: ChargeResult) {
    const charge = newCharge(intent, intent.payment_method ?? '', card, result, this.nowSeconds());
    this.options.store.charges.add(charge);
    intent.latest_charge = charge.id;
    return charge;
  }

  private succeed(intent: PaymentIntentObject, request: RequestInfo): PaymentIntentObject {
    intent.status = 'succeeded';
    intent.amount_received = intent.amount;
    intent.last_payment_error = null;
    this.options.events.record('payment_intent.succeeded', intent, request);
    return intent;
  }

  private testCard(paymentMethod: string): TestCard {
    const card = findTestCard(paymentMethod);
    if (!card) {
      throw invalidRequest(`No such PaymentMethod: '${paymentMethod}'. The payment sandbox knows: ${TEST_PAYMENT_METHODS.join(', ')}.`, {
        code: 'resource_missing',
        param: 'payment_method',
      });
    }
    return card;
  }

  private nowSeconds(): number {
    return Math.floor(this.options.now() / 1000);
  }
}

function missingPaymentMethod() {
  return invalidRequest(
    "You cannot confirm this PaymentIntent because it's missing a payment method. Update it with a payment_method, or pass one when confirming.",
    { code: 'payment_intent_unexpected_state', param: 'payment_method' },
  );
}

/** Stripe's metadata update rule: keys merge in, an empty value removes its key, an empty `metadata` clears all. */
function mergeMetadata(current: Metadata, update: Metadata | '' | undefined): Metadata {
  if (update === undefined) return current;
  if (update === '') return {};
  const merged: Metadata = { ...current };
  for (const [key, value] of Object.entries(update)) {
    if (value === '') delete merged[key];
    else merged[key] = value;
  }
  return merged;
}
