import { assertNever, DomainError } from '@msp/platform';
import { Status } from 'nice-grpc';

export type PreferencesErrorCode = 'VALIDATION_FAILED' | 'UNAUTHENTICATED' | 'PROFILE_NOT_FOUND';

export class PreferencesError extends DomainError<PreferencesErrorCode> {}

export function preferencesErrorStatus(error: DomainError): Status | undefined {
  return error instanceof PreferencesError ? statusOf(error.code) : undefined;
}

function statusOf(code: PreferencesErrorCode): Status {
  switch (code) {
    case 'VALIDATION_FAILED':
      return Status.INVALID_ARGUMENT;
    case 'UNAUTHENTICATED':
      return Status.UNAUTHENTICATED;
    case 'PROFILE_NOT_FOUND':
      return Status.NOT_FOUND;
    default:
      return assertNever(code);
  }
}
