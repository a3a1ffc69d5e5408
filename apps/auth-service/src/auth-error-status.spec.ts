import { DomainError } from '@msp/platform';
import { Status } from 'nice-grpc';
import { describe, expect, it } from 'vitest';
import { authErrorStatus } from './auth-error-status.js';
import { AuthError, type AuthErrorCode } from './auth.errors.js';

// A Record over the code union: adding a code without a row here fails the type check.
const expected: Record<AuthErrorCode, Status> = {
  VALIDATION_FAILED: Status.INVALID_ARGUMENT,
  INVALID_TOKEN: Status.INVALID_ARGUMENT,
  EMAIL_TAKEN: Status.ALREADY_EXISTS,
  INVALID_CREDENTIALS: Status.UNAUTHENTICATED,
  INVALID_REFRESH_TOKEN: Status.UNAUTHENTICATED,
  UNAUTHENTICATED: Status.UNAUTHENTICATED,
  ACCOUNT_SUSPENDED: Status.PERMISSION_DENIED,
  ACCOUNT_NOT_FOUND: Status.NOT_FOUND,
  SESSION_NOT_FOUND: Status.NOT_FOUND,
  TOO_MANY_ATTEMPTS: Status.RESOURCE_EXHAUSTED,
  INVALID_MFA_CODE: Status.UNAUTHENTICATED,
  INVALID_MFA_TOKEN: Status.UNAUTHENTICATED,
  MFA_NOT_ENROLLED: Status.FAILED_PRECONDITION,
  MFA_ALREADY_ENABLED: Status.FAILED_PRECONDITION,
  CANNOT_CHANGE_OWN_ACCOUNT: Status.FAILED_PRECONDITION,
  FORBIDDEN: Status.PERMISSION_DENIED,
};

class OtherFeatureError extends DomainError<'SOMETHING_ELSE'> {}

describe('authErrorStatus', () => {
  it.each(Object.entries(expected))('maps %s to gRPC status %i', (code, status) => {
    expect(authErrorStatus(new AuthError(code as AuthErrorCode, 'message'))).toBe(status);
  });

  it('leaves errors of other features to their own mapping', () => {
    expect(authErrorStatus(new OtherFeatureError('SOMETHING_ELSE', 'message'))).toBeUndefined();
  });
});
