import { assertNever, DomainError } from '@msp/platform';
import { Status } from 'nice-grpc';
import { AdminProjectsError, type AdminProjectsErrorCode } from './admin-projects.errors.js';

export function adminProjectsErrorStatus(error: DomainError): Status | undefined {
  return error instanceof AdminProjectsError ? statusOf(error.code) : undefined;
}

function statusOf(code: AdminProjectsErrorCode): Status {
  switch (code) {
    case 'VALIDATION_FAILED':
      return Status.INVALID_ARGUMENT;
    case 'UNAUTHENTICATED':
      return Status.UNAUTHENTICATED;
    case 'FORBIDDEN':
      return Status.PERMISSION_DENIED;
    case 'PROJECT_NOT_FOUND':
      return Status.NOT_FOUND;
    default:
      return assertNever(code);
  }
}
