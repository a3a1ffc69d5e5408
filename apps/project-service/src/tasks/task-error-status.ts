import { assertNever, DomainError } from '@msp/platform';
import { Status } from 'nice-grpc';
import { TaskError, type TaskErrorCode } from './tasks.errors.js';

export function taskErrorStatus(error: DomainError): Status | undefined {
  return error instanceof TaskError ? statusOf(error.code) : undefined;
}

function statusOf(code: TaskErrorCode): Status {
  switch (code) {
    case 'VALIDATION_FAILED':
      return Status.INVALID_ARGUMENT;
    case 'TASK_NOT_FOUND':
      return Status.NOT_FOUND;
    case 'VERSION_CONFLICT':
      return Status.ABORTED;
    default:
      return assertNever(code);
  }
}
