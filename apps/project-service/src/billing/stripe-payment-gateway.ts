import Stripe from 'stripe';
import {
  PaymentGatewayError,
  WebhookSignatureError,
  type GatewayCharge,
  type GatewayEvent,
  type GatewayIntent,
  type GatewayRefund,
  type IntentStatus,
  type NewIntent,
  type NewRefund,
  type PaymentGateway,
} from './payment-gateway.port.js';

export interface StripeGatewaySettings {
  /** The API's base URL: Stripe's, or the dev sandbox's (`http://127.0.0.1:12111`). */
  url: string;
  secretKey: string;
  webhookSecret: string;
  webhookToleranceSeconds: number;
  timeoutMs: number;
  maxNetworkRetries: number;
}

/**
 * The real adapter, over the official SDK. The SDK's own retries (if any) reuse the idempotency key
 * given here; a call that gets no answer becomes `unknown` and is settled later by the reconciler.
 */
export class StripePaymentGateway implements PaymentGateway {
  private readonly stripe: Stripe;

  constructor(private readonly settings: StripeGatewaySettings) {
    const url = new URL(settings.url);
    const protocol = url.protocol === 'https:' ? 'https' : 'http';
    this.stripe = new Stripe(settings.secretKey, {
      host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
      port: url.port === '' ? (protocol === 'https' ? 443 : 80) : Number(url.port),
      protocol,
      timeout: settings.timeoutMs,
      maxNetworkRetries: settings.maxNetworkRetries,
      telemetry: false,
      appInfo: { name: 'mega-solution-platform' },
    });
  }

  async createIntent(input: NewIntent, idempotencyKey: string): Promise<GatewayIntent> {
    return intentOf(
      await call(() =>
        this.stripe.paymentIntents.create(
          {
            amount: input.amount,
            currency: input.currency,
            description: input.description,
            metadata: input.metadata,
            // Cards and the like, confirmed from the server: nothing that needs a redirect back.
            automatic_payment_methods: { enabled: true, allow_redirects: 'never' },
          },
          { idempotencyKey },
        ),
      ),
    );
  }

  async confirmIntent(intentId: string, paymentMethod: string, idempotencyKey: string): Promise<GatewayIntent> {
    return intentOf(await call(() => this.stripe.paymentIntents.confirm(intentId, { payment_method: paymentMethod }, { idempotencyKey })));
  }

  async cancelIntent(intentId: string, idempotencyKey: string): Promise<GatewayIntent> {
    return intentOf(await call(() => this.stripe.paymentIntents.cancel(intentId, {}, { idempotencyKey })));
  }

  async retrieveIntent(intentId: string): Promise<GatewayIntent> {
    return intentOf(await call(() => this.stripe.paymentIntents.retrieve(intentId)));
  }

  async findIntentByPaymentId(paymentId: string): Promise<GatewayIntent | undefined> {
    // Ids are UUIDs (checked before any call), so nothing in them can break out of the quotes.
    const found = await call(() => this.stripe.paymentIntents.search({ query: `metadata['payment_id']:'${paymentId}'`, limit: 1 }));
    const intent = found.data[0];
    return intent ? intentOf(intent) : undefined;
  }

  async createRefund(input: NewRefund, idempotencyKey: string): Promise<GatewayRefund> {
    const refund = await call(() =>
      this.stripe.refunds.create({ payment_intent: input.intentId, amount: input.amount, metadata: input.metadata }, { idempotencyKey }),
    );
    return {
      id: refund.id,
      amount: refund.amount,
      status:
        refund.status === 'succeeded' ? 'succeeded' : refund.status === 'failed' || refund.status === 'canceled' ? 'failed' : 'pending',
      failureReason: refund.failure_reason ?? undefined,
    };
  }

  parseWebhook(rawBody: Buffer, signature: string): GatewayEvent {
    let event: Stripe.Event;
    try {
      event = this.stripe.webhooks.constructEvent(rawBody, signature, this.settings.webhookSecret, this.settings.webhookToleranceSeconds);
    } catch (error) {
      throw new WebhookSignatureError(error instanceof Error ? error.message : 'invalid signature');
    }
    const object = event.data.object as { object?: string };
    if (object.object === 'payment_intent') {
      return { id: event.id, type: event.type, kind: 'intent', intent: intentOf(object as Stripe.PaymentIntent) };
    }
    if (object.object === 'charge') return { id: event.id, type: event.type, kind: 'charge', charge: chargeOf(object as Stripe.Charge) };
    return { id: event.id, type: event.type, kind: 'other' };
  }
}

function intentOf(intent: Stripe.PaymentIntent): GatewayIntent {
  return {
    id: intent.id,
    status: intent.status as IntentStatus,
    amount: intent.amount,
    currency: intent.currency,
    clientSecret: intent.client_secret ?? '',
    metadata: { ...intent.metadata },
    lastError: intent.last_payment_error?.message ?? undefined,
  };
}

function chargeOf(charge: Stripe.Charge): GatewayCharge {
  const intentId = typeof charge.payment_intent === 'string' ? charge.payment_intent : (charge.payment_intent?.id ?? '');
  return {
    intentId,
    amount: charge.amount,
    amountRefunded: charge.amount_refunded,
    currency: charge.currency,
    metadata: { ...charge.metadata },
  };
}

/** Runs one SDK call, translating its errors into what the ledger may conclude from them. */
async function call<T>(request: () => Promise<T>): Promise<T> {
  try {
    return await request();
  } catch (error) {
    throw translated(error);
  }
}

function translated(error: unknown): PaymentGatewayError {
  if (!(error instanceof Stripe.errors.StripeError)) {
    return new PaymentGatewayError('unknown', error instanceof Error ? error.message : 'payment gateway call failed');
  }
  if (error instanceof Stripe.errors.StripeCardError) return new PaymentGatewayError('declined', error.message, error.code);
  // No answer, or the gateway failed on its side (5xx) or throttled: the request may have taken effect.
  if (
    error instanceof Stripe.errors.StripeConnectionError ||
    error instanceof Stripe.errors.StripeAPIError ||
    error instanceof Stripe.errors.StripeRateLimitError ||
    (error.statusCode ?? 0) >= 500
  ) {
    return new PaymentGatewayError('unknown', error.message, error.code);
  }
  return new PaymentGatewayError('rejected', error.message, error.code ?? error.type, error.param);
}
