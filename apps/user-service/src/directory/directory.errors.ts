import { assertNever, DomainError } from '@msp/platform';
import { Status } from 'nice-grpc';

export type DirectoryErrorCode = 'UNAUTHENTICATED' | 'FORBIDDEN' | 'USER_NOT_FOUND' | 'VALIDATION_FAILED';

export class DirectoryError extends DomainError<DirectoryErrorCode> {}

export function directoryErrorStatus(error: DomainError): Status | undefined {
  return error instanceof DirectoryError ? statusOf(error.code) : undefined;
}

function statusOf(code: DirectoryErrorCode): Status {
  switch (code) {
    case 'UNAUTHENTICATED':
      return Status.UNAUTHENTICATED;
    case 'FORBIDDEN':
      return Status.PERMISSION_DENIED;
    case 'USER_NOT_FOUND':
      return Status.NOT_FOUND;
    case 'VALIDATION_FAILED':
      return Status.INVALID_ARGUMENT;
    default:
      return assertNever(code);
  }
}
