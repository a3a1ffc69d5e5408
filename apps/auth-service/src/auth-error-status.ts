import { assertNever, DomainError } from '@msp/platform';
import { Status } from 'nice-grpc';
import { AuthError, type AuthErrorCode } from './auth.errors.js';

/** The gRPC edge of the auth service's errors: every code has exactly one status. */
export function authErrorStatus(error: DomainError): Status | undefined {
  if (!(error instanceof AuthError)) return undefined;
  return statusOf(error.code);
}

function statusOf(code: AuthErrorCode): Status {
  switch (code) {
    case 'VALIDATION_FAILED':
    case 'INVALID_TOKEN':
      return Status.INVALID_ARGUMENT;
    case 'EMAIL_TAKEN':
      return Status.ALREADY_EXISTS;
    case 'INVALID_CREDENTIALS':
    case 'INVALID_REFRESH_TOKEN':
    case 'UNAUTHENTICATED':
      return Status.UNAUTHENTICATED;
    case 'ACCOUNT_SUSPENDED':
      return Status.PERMISSION_DENIED;
    case 'ACCOUNT_NOT_FOUND':
    case 'SESSION_NOT_FOUND':
      return Status.NOT_FOUND;
    case 'TOO_MANY_ATTEMPTS':
      return Status.RESOURCE_EXHAUSTED;
    case 'INVALID_MFA_CODE':
    case 'INVALID_MFA_TOKEN':
      return Status.UNAUTHENTICATED;
    case 'MFA_NOT_ENROLLED':
    case 'MFA_ALREADY_ENABLED':
    case 'CANNOT_CHANGE_OWN_ACCOUNT':
      return Status.FAILED_PRECONDITION;
    case 'FORBIDDEN':
      return Status.PERMISSION_DENIED;
    default:
      return assertNever(code);
  }
}
