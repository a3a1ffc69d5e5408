import { assertNever, DomainError } from '@msp/platform';
import { Status } from 'nice-grpc';
import { InvitationError, type InvitationErrorCode } from './invitations.errors.js';

export function invitationErrorStatus(error: DomainError): Status | undefined {
  return error instanceof InvitationError ? statusOf(error.code) : undefined;
}

function statusOf(code: InvitationErrorCode): Status {
  switch (code) {
    case 'VALIDATION_FAILED':
      return Status.INVALID_ARGUMENT;
    case 'ALREADY_MEMBER':
      return Status.ALREADY_EXISTS;
    case 'INVITATION_NOT_FOUND':
      return Status.NOT_FOUND;
    default:
      return assertNever(code);
  }
}
