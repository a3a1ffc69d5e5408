import { assertNever, DomainError } from '@msp/platform';
import { Status } from 'nice-grpc';
import { ActivityError, type ActivityErrorCode } from './activity.errors.js';

export function activityErrorStatus(error: DomainError): Status | undefined {
  return error instanceof ActivityError ? statusOf(error.code) : undefined;
}

function statusOf(code: ActivityErrorCode): Status {
  switch (code) {
    case 'VALIDATION_FAILED':
      return Status.INVALID_ARGUMENT;
    default:
      return assertNever(code);
  }
}
