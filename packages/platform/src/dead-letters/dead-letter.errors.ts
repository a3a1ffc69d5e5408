import { Status } from 'nice-grpc';
import { assertNever, DomainError } from '../grpc/domain-error.js';

export type DeadLetterErrorCode = 'UNAUTHENTICATED' | 'FORBIDDEN' | 'DEAD_LETTER_NOT_FOUND';

export class DeadLetterError extends DomainError<DeadLetterErrorCode> {}

/** The dead-letter feature's error → gRPC status mapping; every service that serves it registers this. */
export function deadLetterErrorStatus(error: DomainError): Status | undefined {
  return error instanceof DeadLetterError ? statusOf(error.code) : undefined;
}

function statusOf(code: DeadLetterErrorCode): Status {
  switch (code) {
    case 'UNAUTHENTICATED':
      return Status.UNAUTHENTICATED;
    case 'FORBIDDEN':
      return Status.PERMISSION_DENIED;
    case 'DEAD_LETTER_NOT_FOUND':
      return Status.NOT_FOUND;
    default:
      return assertNever(code);
  }
}
