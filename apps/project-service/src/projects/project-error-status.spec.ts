import { DomainError } from '@msp/platform';
import { Status } from 'nice-grpc';
import { describe, expect, it } from 'vitest';
import { projectErrorStatus } from './project-error-status.js';
import { ProjectError, type ProjectErrorCode } from './projects.errors.js';

// A Record over the code union: adding a code without a row here fails the type check.
const expected: Record<ProjectErrorCode, Status> = {
  VALIDATION_FAILED: Status.INVALID_ARGUMENT,
  PROJECT_KEY_TAKEN: Status.ALREADY_EXISTS,
  PROJECT_NOT_FOUND: Status.NOT_FOUND,
  UNAUTHENTICATED: Status.UNAUTHENTICATED,
};

class OtherFeatureError extends DomainError<'SOMETHING_ELSE'> {}

describe('projectErrorStatus', () => {
  it.each(Object.entries(expected))('maps %s to gRPC status %i', (code, status) => {
    expect(projectErrorStatus(new ProjectError(code as ProjectErrorCode, 'message'))).toBe(status);
  });

  it('leaves errors of other features to their own mapping', () => {
    expect(projectErrorStatus(new OtherFeatureError('SOMETHING_ELSE', 'message'))).toBeUndefined();
  });
});
