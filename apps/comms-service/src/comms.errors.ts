import { assertNever, DomainError } from '@msp/platform';
import { Status } from 'nice-grpc';

export type CommsErrorCode = 'VALIDATION_FAILED' | 'UNAUTHENTICATED' | 'FORBIDDEN';

export class CommsError extends DomainError<CommsErrorCode> {}

export function commsErrorStatus(error: DomainError): Status | undefined {
  return error instanceof CommsError ? statusOf(error.code) : undefined;
}

function statusOf(code: CommsErrorCode): Status {
  switch (code) {
    case 'VALIDATION_FAILED':
      return Status.INVALID_ARGUMENT;
    case 'UNAUTHENTICATED':
      return Status.UNAUTHENTICATED;
    case 'FORBIDDEN':
      return Status.PERMISSION_DENIED;
    default:
      return assertNever(code);
  }
}
