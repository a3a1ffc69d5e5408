import { assertNever, DomainError } from '@msp/platform';
import { Status } from 'nice-grpc';

/**
 * INVALID_TOKEN answers an unsubscribe token that is unknown, malformed or expired alike (400, as for
 * the auth service's links): which of those it was helps nobody but someone guessing tokens.
 */
export type CommsErrorCode =
  'VALIDATION_FAILED' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'DELIVERY_NOT_FOUND' | 'NOTIFICATION_NOT_FOUND' | 'INVALID_TOKEN';

export class CommsError extends DomainError<CommsErrorCode> {}

export function commsErrorStatus(error: DomainError): Status | undefined {
  return error instanceof CommsError ? statusOf(error.code) : undefined;
}

function statusOf(code: CommsErrorCode): Status {
  switch (code) {
    case 'VALIDATION_FAILED':
    case 'INVALID_TOKEN':
      return Status.INVALID_ARGUMENT;
    case 'UNAUTHENTICATED':
      return Status.UNAUTHENTICATED;
    case 'FORBIDDEN':
      return Status.PERMISSION_DENIED;
    case 'DELIVERY_NOT_FOUND':
    case 'NOTIFICATION_NOT_FOUND':
      return Status.NOT_FOUND;
    default:
      return assertNever(code);
  }
}
