import { DomainError } from '@msp/platform';

/**
 * - PLAN_LIMIT_REACHED: the project's plan allows no more members or tasks; an upgrade lifts it.
 * - ALREADY_ON_PLAN: a checkout for the plan the project already has.
 * - PAYMENT_IN_PROGRESS: the project has an active payment (one at a time), or the payment is being
 *   confirmed with another payment method.
 * - PAYMENT_NOT_REFUNDABLE: only a succeeded payment with money left on it can be refunded.
 * - REFUND_TOO_LARGE: more than what is left of the captured amount.
 * - REFUND_REJECTED: the payment gateway refused the refund.
 * - IDEMPOTENCY_KEY_REUSED: the key came before with another request.
 * - INVALID_SIGNATURE: a webhook whose signature or timestamp does not verify.
 * - PAYMENT_GATEWAY_UNAVAILABLE: the gateway did not answer; the same request may be retried.
 */
export type BillingErrorCode =
  | 'VALIDATION_FAILED'
  | 'FORBIDDEN'
  | 'PAYMENT_NOT_FOUND'
  | 'PLAN_LIMIT_REACHED'
  | 'ALREADY_ON_PLAN'
  | 'PAYMENT_IN_PROGRESS'
  | 'PAYMENT_NOT_REFUNDABLE'
  | 'REFUND_TOO_LARGE'
  | 'REFUND_REJECTED'
  | 'IDEMPOTENCY_KEY_REUSED'
  | 'INVALID_SIGNATURE'
  | 'PAYMENT_GATEWAY_UNAVAILABLE';

export class BillingError extends DomainError<BillingErrorCode> {}
