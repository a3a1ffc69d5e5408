import { assertNever, DomainError } from '@msp/platform';
import { Status } from 'nice-grpc';

export type ExportErrorCode = 'UNAUTHENTICATED' | 'PROFILE_NOT_FOUND';

export class ExportError extends DomainError<ExportErrorCode> {}

export function exportErrorStatus(error: DomainError): Status | undefined {
  return error instanceof ExportError ? statusOf(error.code) : undefined;
}

function statusOf(code: ExportErrorCode): Status {
  switch (code) {
    case 'UNAUTHENTICATED':
      return Status.UNAUTHENTICATED;
    case 'PROFILE_NOT_FOUND':
      return Status.NOT_FOUND;
    default:
      return assertNever(code);
  }
}
