import { DomainError } from '@msp/platform';
import { Status } from 'nice-grpc';
import { describe, expect, it } from 'vitest';
import { CommsError, commsErrorStatus, type CommsErrorCode } from './comms.errors.js';

// A Record over the code union: adding a code without a row here fails the type check.
const expected: Record<CommsErrorCode, Status> = {
  VALIDATION_FAILED: Status.INVALID_ARGUMENT,
  UNAUTHENTICATED: Status.UNAUTHENTICATED,
  FORBIDDEN: Status.PERMISSION_DENIED,
  DELIVERY_NOT_FOUND: Status.NOT_FOUND,
  NOTIFICATION_NOT_FOUND: Status.NOT_FOUND,
  INVALID_TOKEN: Status.INVALID_ARGUMENT,
};

class OtherFeatureError extends DomainError<'SOMETHING_ELSE'> {}

describe('commsErrorStatus', () => {
  it.each(Object.entries(expected))('maps %s to gRPC status %i', (code, status) => {
    expect(commsErrorStatus(new CommsError(code as CommsErrorCode, 'message'))).toBe(status);
  });

  it('leaves errors of other features to their own mapping', () => {
    expect(commsErrorStatus(new OtherFeatureError('SOMETHING_ELSE', 'message'))).toBeUndefined();
  });
});
