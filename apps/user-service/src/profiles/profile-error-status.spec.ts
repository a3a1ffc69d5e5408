import { DomainError } from '@msp/platform';
import { Status } from 'nice-grpc';
import { describe, expect, it } from 'vitest';
import { profileErrorStatus } from './profile-error-status.js';
import { ProfileError, type ProfileErrorCode } from './profiles.errors.js';

// A Record over the code union: adding a code without a row here fails the type check.
const expected: Record<ProfileErrorCode, Status> = {
  PROFILE_NOT_FOUND: Status.NOT_FOUND,
  VALIDATION_FAILED: Status.INVALID_ARGUMENT,
  UNAUTHENTICATED: Status.UNAUTHENTICATED,
};

class OtherFeatureError extends DomainError<'SOMETHING_ELSE'> {}

describe('profileErrorStatus', () => {
  it.each(Object.entries(expected))('maps %s to gRPC status %i', (code, status) => {
    expect(profileErrorStatus(new ProfileError(code as ProfileErrorCode, 'message'))).toBe(status);
  });

  it('leaves errors of other features to their own mapping', () => {
    expect(profileErrorStatus(new OtherFeatureError('SOMETHING_ELSE', 'message'))).toBeUndefined();
  });
});
