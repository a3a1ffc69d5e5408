import { assertNever, DomainError } from '@msp/platform';
import { Status } from 'nice-grpc';
import { ProjectError, type ProjectErrorCode } from './projects.errors.js';

export function projectErrorStatus(error: DomainError): Status | undefined {
  return error instanceof ProjectError ? statusOf(error.code) : undefined;
}

function statusOf(code: ProjectErrorCode): Status {
  switch (code) {
    case 'VALIDATION_FAILED':
      return Status.INVALID_ARGUMENT;
    case 'PROJECT_KEY_TAKEN':
      return Status.ALREADY_EXISTS;
    case 'PROJECT_NOT_FOUND':
      return Status.NOT_FOUND;
    case 'UNAUTHENTICATED':
      return Status.UNAUTHENTICATED;
    default:
      return assertNever(code);
  }
}
