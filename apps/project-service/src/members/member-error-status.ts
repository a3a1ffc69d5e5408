import { assertNever, DomainError } from '@msp/platform';
import { Status } from 'nice-grpc';
import { MemberError, type MemberErrorCode } from './members.errors.js';

export function memberErrorStatus(error: DomainError): Status | undefined {
  return error instanceof MemberError ? statusOf(error.code) : undefined;
}

function statusOf(code: MemberErrorCode): Status {
  switch (code) {
    case 'VALIDATION_FAILED':
      return Status.INVALID_ARGUMENT;
    case 'MEMBER_NOT_FOUND':
      return Status.NOT_FOUND;
    case 'LAST_OWNER':
      return Status.FAILED_PRECONDITION;
    default:
      return assertNever(code);
  }
}
