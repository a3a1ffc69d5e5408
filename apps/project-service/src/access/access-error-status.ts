import { assertNever, DomainError } from '@msp/platform';
import { Status } from 'nice-grpc';
import { AccessError, type AccessErrorCode } from './access.errors.js';

export function accessErrorStatus(error: DomainError): Status | undefined {
  return error instanceof AccessError ? statusOf(error.code) : undefined;
}

function statusOf(code: AccessErrorCode): Status {
  switch (code) {
    case 'UNAUTHENTICATED':
      return Status.UNAUTHENTICATED;
    case 'PROJECT_NOT_FOUND':
      return Status.NOT_FOUND;
    case 'FORBIDDEN':
      return Status.PERMISSION_DENIED;
    // A conflict with the project's current state, answered 409 (API.md). FAILED_PRECONDITION would
    // say the same in gRPC terms, but the platform's one status table makes that 422.
    case 'PROJECT_ARCHIVED':
      return Status.ABORTED;
    default:
      return assertNever(code);
  }
}
