/**
 * The payment gateway as the billing feature needs it. The Stripe adapter implements it over the
 * official SDK; unit tests use a fake. Every call that changes something takes the idempotency key
 * the ledger stored before the call, so a retry can never do the work twice.
 */
export interface PaymentGateway {
  createIntent(input: NewIntent, idempotencyKey: string): Promise<GatewayIntent>;
  confirmIntent(intentId: string, paymentMethod: string, idempotencyKey: string): Promise<GatewayIntent>;
  cancelIntent(intentId: string, idempotencyKey: string): Promise<GatewayIntent>;
  retrieveIntent(intentId: string): Promise<GatewayIntent>;
  /** The intent created for one of our payments, found by the payment id in its metadata. */
  findIntentByPaymentId(paymentId: string): Promise<GatewayIntent | undefined>;
  createRefund(input: NewRefund, idempotencyKey: string): Promise<GatewayRefund>;
  /** Verifies a webhook on its raw bytes (signature and timestamp); throws WebhookSignatureError. */
  parseWebhook(rawBody: Buffer, signature: string): GatewayEvent;
}

export const PAYMENT_GATEWAY = Symbol('PaymentGateway');

export interface NewIntent {
  amount: number;
  currency: string;
  description: string;
  /** `payment_id` among them: how the reconciler finds an intent whose id was never recorded. */
  metadata: Record<string, string>;
}

export interface NewRefund {
  intentId: string;
  amount: number;
  metadata: Record<string, string>;
}

export type IntentStatus =
  'requires_payment_method' | 'requires_confirmation' | 'requires_action' | 'requires_capture' | 'processing' | 'succeeded' | 'canceled';

export interface GatewayIntent {
  id: string;
  status: IntentStatus;
  amount: number;
  currency: string;
  clientSecret: string;
  metadata: Record<string, string>;
  /** Why the last attempt to pay failed (a decline), if it did. */
  lastError: string | undefined;
}

export interface GatewayRefund {
  id: string;
  amount: number;
  status: 'pending' | 'succeeded' | 'failed';
  failureReason: string | undefined;
}

/** The charge of an intent after a refund: the gateway's cumulative count is what the ledger must match. */
export interface GatewayCharge {
  intentId: string;
  amount: number;
  amountRefunded: number;
  currency: string;
  metadata: Record<string, string>;
}

export type GatewayEvent =
  | { id: string; type: string; kind: 'intent'; intent: GatewayIntent }
  | { id: string; type: string; kind: 'charge'; charge: GatewayCharge }
  | { id: string; type: string; kind: 'other' };

/**
 * How a call failed, which decides what the ledger may conclude:
 * - `declined`: the card was refused; no money moved.
 * - `rejected`: the gateway refused the request itself (invalid, wrong state); it did nothing.
 * - `unknown`: no answer (timeout, connection, 5xx): the call may or may not have happened. Never
 *   treated as a failure; the reconciler asks the gateway later.
 */
export type GatewayFailure = 'declined' | 'rejected' | 'unknown';

export class PaymentGatewayError extends Error {
  constructor(
    readonly failure: GatewayFailure,
    message: string,
    /** The gateway's error code, e.g. `card_declined`, `payment_intent_unexpected_state`. */
    readonly code: string | undefined = undefined,
    /** The request parameter the gateway objected to, for `rejected`. */
    readonly param: string | undefined = undefined,
  ) {
    super(message);
    this.name = 'PaymentGatewayError';
  }
}

export class WebhookSignatureError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WebhookSignatureError';
  }
}

export function gatewayFailureOf(error: unknown): GatewayFailure | undefined {
  return error instanceof PaymentGatewayError ? error.failure : undefined;
}
