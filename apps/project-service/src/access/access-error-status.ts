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
    default:
      return assertNever(code);
  }
}
