import { assertNever, DomainError } from '@msp/platform';
import { Status } from 'nice-grpc';
import { CommentError, type CommentErrorCode } from './comments.errors.js';

export function commentErrorStatus(error: DomainError): Status | undefined {
  return error instanceof CommentError ? statusOf(error.code) : undefined;
}

function statusOf(code: CommentErrorCode): Status {
  switch (code) {
    case 'VALIDATION_FAILED':
      return Status.INVALID_ARGUMENT;
    case 'TASK_NOT_FOUND':
      return Status.NOT_FOUND;
    default:
      return assertNever(code);
  }
}
