import { DomainError } from '@msp/platform';
import { Status } from 'nice-grpc';
import { describe, expect, it } from 'vitest';
import { DirectoryError, directoryErrorStatus, type DirectoryErrorCode } from './directory.errors.js';

// A Record over the code union: adding a code without a row here fails the type check.
const expected: Record<DirectoryErrorCode, Status> = {
  UNAUTHENTICATED: Status.UNAUTHENTICATED,
  FORBIDDEN: Status.PERMISSION_DENIED,
  USER_NOT_FOUND: Status.NOT_FOUND,
  VALIDATION_FAILED: Status.INVALID_ARGUMENT,
};

class OtherFeatureError extends DomainError<'SOMETHING_ELSE'> {}

describe('directoryErrorStatus', () => {
  it.each(Object.entries(expected))('maps %s to gRPC status %i', (code, status) => {
    expect(directoryErrorStatus(new DirectoryError(code as DirectoryErrorCode, 'message'))).toBe(status);
  });

  it('leaves errors of other features to their own mapping', () => {
    expect(directoryErrorStatus(new OtherFeatureError('SOMETHING_ELSE', 'message'))).toBeUndefined();
  });
});
