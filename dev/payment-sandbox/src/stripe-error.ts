/** The `type` values stripe-node turns into its error classes (with the HTTP status). */
export type StripeErrorType = 'api_error' | 'card_error' | 'idempotency_error' | 'invalid_request_error';

export interface StripeErrorBody {
  type: StripeErrorType;
  message: string;
  code?: string;
  decline_code?: string;
  param?: string;
  doc_url?: string;
  charge?: string;
  payment_intent?: object;
}

/**
 * An error answered in Stripe's shape, `{ error: {...} }`. `afterExecution` marks errors raised once
 * the endpoint has started doing its work (a declined card): Stripe stores those under the
 * idempotency key and replays them, while validation errors are not stored and may be retried.
 */
export class StripeApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: StripeErrorBody,
    readonly afterExecution = false,
  ) {
    super(body.message);
    this.name = 'StripeApiError';
  }
}

const docUrl = (code: string) => `https://docs.stripe.com/error-codes/${code.replace(/_/g, '-')}`;

export function invalidRequest(message: string, extra: { code?: string; param?: string } = {}): StripeApiError {
  const body: StripeErrorBody = { type: 'invalid_request_error', message, ...extra };
  if (extra.code) body.doc_url = docUrl(extra.code);
  return new StripeApiError(400, body);
}

export function resourceMissing(object: string, id: string, param?: string): StripeApiError {
  return new StripeApiError(404, {
    type: 'invalid_request_error',
    code: 'resource_missing',
    doc_url: docUrl('resource_missing'),
    message: `No such ${object}: '${id}'`,
    ...(param && { param }),
  });
}

export function unrecognizedUrl(method: string, path: string): StripeApiError {
  return new StripeApiError(404, {
    type: 'invalid_request_error',
    message: `Unrecognized request URL (${method}: ${path}). The payment sandbox implements only part of Stripe's API.`,
  });
}

/** Stripe answers a bad key with 401 and type invalid_request_error; stripe-node maps 401 to StripeAuthenticationError. */
export function authenticationFailed(message: string): StripeApiError {
  return new StripeApiError(401, { type: 'invalid_request_error', message });
}

export function unexpectedState(message: string, paymentIntent?: object): StripeApiError {
  return new StripeApiError(400, {
    type: 'invalid_request_error',
    code: 'payment_intent_unexpected_state',
    doc_url: docUrl('payment_intent_unexpected_state'),
    message,
    ...(paymentIntent && { payment_intent: paymentIntent }),
  });
}

export function cardDeclined(declineCode: string, message: string, chargeId: string, paymentIntent: object): StripeApiError {
  return new StripeApiError(
    402,
    {
      type: 'card_error',
      code: 'card_declined',
      decline_code: declineCode,
      doc_url: docUrl('card_declined'),
      message,
      charge: chargeId,
      payment_intent: paymentIntent,
    },
    true,
  );
}

export function idempotencyMismatch(key: string, sameEndpoint: boolean): StripeApiError {
  const what = sameEndpoint ? 'with the same parameters' : 'for the same endpoint';
  return new StripeApiError(400, {
    type: 'idempotency_error',
    message:
      `Keys for idempotent requests can only be used ${what} they were first used ${sameEndpoint ? 'with' : 'for'}. ` +
      `Try using a key other than '${key}' if you meant to execute a different request.`,
  });
}

export function errorResponse(error: StripeApiError): { error: StripeErrorBody } {
  return { error: error.body };
}
