import { assertNever, DomainError } from '@msp/platform';
import { Status } from 'nice-grpc';
import { BillingError, type BillingErrorCode } from './billing.errors.js';

export function billingErrorStatus(error: DomainError): Status | undefined {
  return error instanceof BillingError ? statusOf(error.code) : undefined;
}

function statusOf(code: BillingErrorCode): Status {
  switch (code) {
    case 'VALIDATION_FAILED':
    case 'REFUND_TOO_LARGE':
    case 'INVALID_SIGNATURE':
      return Status.INVALID_ARGUMENT;
    case 'FORBIDDEN':
      return Status.PERMISSION_DENIED;
    case 'PAYMENT_NOT_FOUND':
      return Status.NOT_FOUND;
    // Conflicts with the current state of the project or payment: 409, as PROJECT_ARCHIVED is.
    case 'PLAN_LIMIT_REACHED':
    case 'ALREADY_ON_PLAN':
    case 'PAYMENT_IN_PROGRESS':
    case 'PAYMENT_NOT_REFUNDABLE':
    case 'REFUND_REJECTED':
      return Status.ABORTED;
    // 422, the answer the gateway gives for a reused Idempotency-Key, so both layers say the same.
    case 'IDEMPOTENCY_KEY_REUSED':
      return Status.FAILED_PRECONDITION;
    case 'PAYMENT_GATEWAY_UNAVAILABLE':
      return Status.UNAVAILABLE;
    default:
      return assertNever(code);
  }
}
