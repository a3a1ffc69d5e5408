import { assertNever, DomainError } from '@msp/platform';
import { Status } from 'nice-grpc';
import { ProfileError, type ProfileErrorCode } from './profiles.errors.js';

export function profileErrorStatus(error: DomainError): Status | undefined {
  return error instanceof ProfileError ? statusOf(error.code) : undefined;
}

function statusOf(code: ProfileErrorCode): Status {
  switch (code) {
    case 'PROFILE_NOT_FOUND':
      return Status.NOT_FOUND;
    case 'VALIDATION_FAILED':
      return Status.INVALID_ARGUMENT;
    case 'UNAUTHENTICATED':
      return Status.UNAUTHENTICATED;
    default:
      return assertNever(code);
  }
}
