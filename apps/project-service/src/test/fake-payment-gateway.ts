import { randomUUID } from 'node:crypto';
import {
  PaymentGatewayError,
  WebhookSignatureError,
  type GatewayEvent,
  type GatewayIntent,
  type GatewayRefund,
  type NewIntent,
  type NewRefund,
  type PaymentGateway,
} from '../billing/payment-gateway.port.js';

export const FAKE_SIGNATURE = 't=1,v1=fake';

interface Charge {
  intentId: string;
  amount: number;
  refunded: number;
  status: 'succeeded' | 'pending' | 'failed';
}

/** How the next call of a method goes wrong: before it does anything, or after (its answer lost). */
export type Fault = 'lost-request' | 'lost-answer' | 'rejected';
type Method = 'createIntent' | 'confirmIntent' | 'cancelIntent' | 'retrieveIntent' | 'findIntentByPaymentId' | 'createRefund';

/**
 * A payment gateway in memory with Stripe's rules where the ledger depends on them: idempotency keys
 * replay the first answer (and refuse other parameters), declines leave the intent waiting for
 * another card, a canceled or succeeded intent cannot be confirmed, refunds never exceed the charge.
 * Each state change records the event its webhook would carry, for tests to deliver in any order.
 */
export class FakePaymentGateway implements PaymentGateway {
  readonly intents = new Map<string, GatewayIntent>();
  readonly charges: Charge[] = [];
  readonly events: GatewayEvent[] = [];
  readonly calls: Array<{ method: Method; key?: string }> = [];
  private readonly keys = new Map<string, { params: string; outcome: () => unknown }>();
  private readonly faults = new Map<Method, Fault[]>();

  /** The next call(s) of `method` fail this way, in order. */
  failNext(method: Method, ...faults: Fault[]): void {
    this.faults.set(method, [...(this.faults.get(method) ?? []), ...faults]);
  }

  succeededCharges(intentId?: string): Charge[] {
    return this.charges.filter((charge) => charge.status === 'succeeded' && (!intentId || charge.intentId === intentId));
  }

  async createIntent(input: NewIntent, key: string): Promise<GatewayIntent> {
    return this.idempotent('createIntent', key, input, () => {
      const intent: GatewayIntent = {
        id: `pi_${randomUUID().replaceAll('-', '')}`,
        status: 'requires_payment_method',
        amount: input.amount,
        currency: input.currency,
        clientSecret: `secret_${randomUUID()}`,
        metadata: { ...input.metadata },
        lastError: undefined,
      };
      this.intents.set(intent.id, intent);
      return intent;
    });
  }

  async confirmIntent(intentId: string, paymentMethod: string, key: string): Promise<GatewayIntent> {
    return this.idempotent(
      'confirmIntent',
      key,
      { intentId, paymentMethod },
      () => {
        const intent = this.intent(intentId);
        if (intent.status !== 'requires_payment_method' && intent.status !== 'requires_confirmation') {
          throw new PaymentGatewayError('rejected', `cannot confirm a ${intent.status} intent`, 'payment_intent_unexpected_state');
        }
        switch (paymentMethod) {
          case 'pm_card_visa':
          case 'pm_card_timeout':
            return this.succeed(intent);
          case 'pm_card_delayed':
            this.charges.push({ intentId, amount: intent.amount, refunded: 0, status: 'pending' });
            return this.move(intent, 'processing', 'payment_intent.processing');
          case 'pm_card_chargeDeclined':
            this.charges.push({ intentId, amount: intent.amount, refunded: 0, status: 'failed' });
            intent.lastError = 'Your card was declined.';
            this.move(intent, 'requires_payment_method', 'payment_intent.payment_failed');
            throw new PaymentGatewayError('declined', 'Your card was declined.', 'card_declined');
          default:
            throw new PaymentGatewayError('rejected', `No such PaymentMethod: '${paymentMethod}'`, 'resource_missing', 'payment_method');
        }
      },
      paymentMethod === 'pm_card_timeout',
    );
  }

  /** The delayed card's settlement, which the sandbox does on a timer. */
  settleDelayed(intentId: string): void {
    const charge = this.charges.find((candidate) => candidate.intentId === intentId && candidate.status === 'pending')!;
    charge.status = 'succeeded';
    const intent = this.intent(intentId);
    intent.status = 'succeeded';
    this.record('payment_intent.succeeded', intent);
  }

  async cancelIntent(intentId: string, key: string): Promise<GatewayIntent> {
    return this.idempotent('cancelIntent', key, { intentId }, () => {
      const intent = this.intent(intentId);
      if (intent.status !== 'requires_payment_method' && intent.status !== 'requires_confirmation') {
        throw new PaymentGatewayError('rejected', `cannot cancel a ${intent.status} intent`, 'payment_intent_unexpected_state');
      }
      return this.move(intent, 'canceled', 'payment_intent.canceled');
    });
  }

  async retrieveIntent(intentId: string): Promise<GatewayIntent> {
    this.calls.push({ method: 'retrieveIntent' });
    this.fault('retrieveIntent');
    return structuredClone(this.intent(intentId));
  }

  async findIntentByPaymentId(paymentId: string): Promise<GatewayIntent | undefined> {
    this.calls.push({ method: 'findIntentByPaymentId' });
    this.fault('findIntentByPaymentId');
    const found = [...this.intents.values()].find((intent) => intent.metadata.payment_id === paymentId);
    return found && structuredClone(found);
  }

  async createRefund(input: NewRefund, key: string): Promise<GatewayRefund> {
    return this.idempotent('createRefund', key, input, () => {
      const charge = this.succeededCharges(input.intentId)[0];
      if (!charge) throw new PaymentGatewayError('rejected', 'nothing to refund', undefined, 'payment_intent');
      if (input.amount > charge.amount - charge.refunded)
        throw new PaymentGatewayError('rejected', 'amount too large', 'amount_too_large', 'amount');
      charge.refunded += input.amount;
      this.events.push({
        id: `evt_${randomUUID()}`,
        type: 'charge.refunded',
        kind: 'charge',
        charge: { intentId: input.intentId, amount: charge.amount, amountRefunded: charge.refunded, currency: 'eur', metadata: {} },
      });
      return { id: `re_${randomUUID()}`, amount: input.amount, status: 'succeeded' as const, failureReason: undefined };
    });
  }

  parseWebhook(rawBody: Buffer, signature: string): GatewayEvent {
    if (signature !== FAKE_SIGNATURE) throw new WebhookSignatureError('No signatures found matching the expected signature for payload');
    return JSON.parse(rawBody.toString('utf8')) as GatewayEvent;
  }

  /** The events of one intent (and its charge), oldest first. */
  eventsOf(intentId: string): GatewayEvent[] {
    return this.events.filter(
      (event) =>
        (event.kind === 'intent' && event.intent.id === intentId) || (event.kind === 'charge' && event.charge.intentId === intentId),
    );
  }

  private succeed(intent: GatewayIntent): GatewayIntent {
    this.charges.push({ intentId: intent.id, amount: intent.amount, refunded: 0, status: 'succeeded' });
    intent.lastError = undefined;
    return this.move(intent, 'succeeded', 'payment_intent.succeeded');
  }

  private move(intent: GatewayIntent, status: GatewayIntent['status'], type: string): GatewayIntent {
    intent.status = status;
    this.record(type, intent);
    return structuredClone(intent);
  }

  private record(type: string, intent: GatewayIntent): void {
    this.events.push({ id: `evt_${randomUUID()}`, type, kind: 'intent', intent: structuredClone(intent) });
  }

  private intent(id: string): GatewayIntent {
    const intent = this.intents.get(id);
    if (!intent) throw new PaymentGatewayError('rejected', `No such payment_intent: '${id}'`, 'resource_missing');
    return intent;
  }

  /** Stripe's idempotency: a key replays its first outcome (errors too), and refuses other parameters. */
  private idempotent<T>(method: Method, key: string, params: unknown, work: () => T, answerLost = false): T {
    this.calls.push({ method, key });
    const fault = this.fault(method, true);
    const serialized = JSON.stringify(params);
    let stored = this.keys.get(key);
    if (stored && stored.params !== serialized) {
      throw new PaymentGatewayError(
        'rejected',
        'Keys for idempotent requests can only be used with the same parameters',
        'idempotency_key_in_use',
      );
    }
    if (!stored) {
      let outcome: () => unknown;
      try {
        const result = work();
        outcome = () => structuredClone(result);
      } catch (error) {
        outcome = () => {
          throw error;
        };
      }
      stored = { params: serialized, outcome };
      this.keys.set(key, stored);
      // The timeout card: done at the gateway, but the answer never comes back (a replay gets it).
      if (answerLost) throw new PaymentGatewayError('unknown', 'Request aborted due to timeout being reached (1000ms)');
    }
    if (fault === 'lost-answer') throw new PaymentGatewayError('unknown', 'socket hang up');
    return stored.outcome() as T;
  }

  private fault(method: Method, deferAnswerLoss = false): Fault | undefined {
    const fault = this.faults.get(method)?.shift();
    if (fault === 'lost-request') throw new PaymentGatewayError('unknown', 'connect ECONNREFUSED');
    if (fault === 'rejected') throw new PaymentGatewayError('rejected', 'refused by the test', 'test_refusal');
    if (fault === 'lost-answer' && !deferAnswerLoss) throw new PaymentGatewayError('unknown', 'socket hang up');
    return fault;
  }
}
