import { Status } from 'nice-grpc';
import { describe, expect, it } from 'vitest';
import { projectErrorMappers } from '../project-service.js';
import { BillingError, type BillingErrorCode } from './billing.errors.js';

// A record over the code union: a code added without its row here fails the type check.
const expected: Record<BillingErrorCode, Status> = {
  VALIDATION_FAILED: Status.INVALID_ARGUMENT,
  REFUND_TOO_LARGE: Status.INVALID_ARGUMENT,
  INVALID_SIGNATURE: Status.INVALID_ARGUMENT,
  FORBIDDEN: Status.PERMISSION_DENIED,
  PAYMENT_NOT_FOUND: Status.NOT_FOUND,
  PLAN_LIMIT_REACHED: Status.ABORTED,
  ALREADY_ON_PLAN: Status.ABORTED,
  PAYMENT_IN_PROGRESS: Status.ABORTED,
  PAYMENT_NOT_REFUNDABLE: Status.ABORTED,
  REFUND_REJECTED: Status.ABORTED,
  IDEMPOTENCY_KEY_REUSED: Status.FAILED_PRECONDITION,
  PAYMENT_GATEWAY_UNAVAILABLE: Status.UNAVAILABLE,
};

describe('billing errors → gRPC status', () => {
  it.each(Object.entries(expected))('%s → %i, by exactly one of the service’s mappers', (code, status) => {
    const error = new BillingError(code as BillingErrorCode, 'm');
    expect(projectErrorMappers.map((map) => map(error)).filter((answer) => answer !== undefined)).toEqual([status]);
  });
});
