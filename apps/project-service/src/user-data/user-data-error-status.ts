import { assertNever, DomainError } from '@msp/platform';
import { Status } from 'nice-grpc';
import { UserDataError, type UserDataErrorCode } from './user-data.errors.js';

export function userDataErrorStatus(error: DomainError): Status | undefined {
  return error instanceof UserDataError ? statusOf(error.code) : undefined;
}

function statusOf(code: UserDataErrorCode): Status {
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
