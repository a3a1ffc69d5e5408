import type { DomainError } from '@msp/platform';
import { Status } from 'nice-grpc';
import { describe, expect, it } from 'vitest';
import { AccessError, type AccessErrorCode } from '../access/access.errors.js';
import { ActivityError, type ActivityErrorCode } from '../activity/activity.errors.js';
import { AdminProjectsError, type AdminProjectsErrorCode } from '../admin-projects/admin-projects.errors.js';
import { CommentError, type CommentErrorCode } from '../comments/comments.errors.js';
import { InvitationError, type InvitationErrorCode } from '../invitations/invitations.errors.js';
import { MemberError, type MemberErrorCode } from '../members/members.errors.js';
import { projectErrorMappers } from '../project-service.js';
import { ProjectError, type ProjectErrorCode } from '../projects/projects.errors.js';
import { TaskError, type TaskErrorCode } from '../tasks/tasks.errors.js';
import { UserDataError, type UserDataErrorCode } from '../user-data/user-data.errors.js';

// Records over each code union: a code added without its row here fails the type check.
const access: Record<AccessErrorCode, Status> = {
  UNAUTHENTICATED: Status.UNAUTHENTICATED,
  PROJECT_NOT_FOUND: Status.NOT_FOUND,
  FORBIDDEN: Status.PERMISSION_DENIED,
  PROJECT_ARCHIVED: Status.ABORTED,
};
const project: Record<ProjectErrorCode, Status> = {
  VALIDATION_FAILED: Status.INVALID_ARGUMENT,
  PROJECT_KEY_TAKEN: Status.ALREADY_EXISTS,
  PROJECT_NOT_FOUND: Status.NOT_FOUND,
  UNAUTHENTICATED: Status.UNAUTHENTICATED,
};
const member: Record<MemberErrorCode, Status> = {
  VALIDATION_FAILED: Status.INVALID_ARGUMENT,
  MEMBER_NOT_FOUND: Status.NOT_FOUND,
  LAST_OWNER: Status.FAILED_PRECONDITION,
};
const invitation: Record<InvitationErrorCode, Status> = {
  VALIDATION_FAILED: Status.INVALID_ARGUMENT,
  ALREADY_MEMBER: Status.ALREADY_EXISTS,
  INVITATION_NOT_FOUND: Status.NOT_FOUND,
};
const task: Record<TaskErrorCode, Status> = {
  VALIDATION_FAILED: Status.INVALID_ARGUMENT,
  TASK_NOT_FOUND: Status.NOT_FOUND,
  VERSION_CONFLICT: Status.ABORTED,
};
const comment: Record<CommentErrorCode, Status> = {
  VALIDATION_FAILED: Status.INVALID_ARGUMENT,
  TASK_NOT_FOUND: Status.NOT_FOUND,
};
const activity: Record<ActivityErrorCode, Status> = { VALIDATION_FAILED: Status.INVALID_ARGUMENT };
const userData: Record<UserDataErrorCode, Status> = {
  VALIDATION_FAILED: Status.INVALID_ARGUMENT,
  UNAUTHENTICATED: Status.UNAUTHENTICATED,
  FORBIDDEN: Status.PERMISSION_DENIED,
};
const adminProjects: Record<AdminProjectsErrorCode, Status> = {
  VALIDATION_FAILED: Status.INVALID_ARGUMENT,
  UNAUTHENTICATED: Status.UNAUTHENTICATED,
  FORBIDDEN: Status.PERMISSION_DENIED,
  PROJECT_NOT_FOUND: Status.NOT_FOUND,
};

const cases: Array<[string, DomainError, Status]> = [
  ...Object.entries(access).map(([code, status]) => ['AccessError', new AccessError(code as AccessErrorCode, 'm'), status] as const),
  ...Object.entries(project).map(([code, status]) => ['ProjectError', new ProjectError(code as ProjectErrorCode, 'm'), status] as const),
  ...Object.entries(member).map(([code, status]) => ['MemberError', new MemberError(code as MemberErrorCode, 'm'), status] as const),
  ...Object.entries(invitation).map(
    ([code, status]) => ['InvitationError', new InvitationError(code as InvitationErrorCode, 'm'), status] as const,
  ),
  ...Object.entries(task).map(([code, status]) => ['TaskError', new TaskError(code as TaskErrorCode, 'm'), status] as const),
  ...Object.entries(comment).map(([code, status]) => ['CommentError', new CommentError(code as CommentErrorCode, 'm'), status] as const),
  ...Object.entries(activity).map(
    ([code, status]) => ['ActivityError', new ActivityError(code as ActivityErrorCode, 'm'), status] as const,
  ),
  ...Object.entries(userData).map(
    ([code, status]) => ['UserDataError', new UserDataError(code as UserDataErrorCode, 'm'), status] as const,
  ),
  ...Object.entries(adminProjects).map(
    ([code, status]) => ['AdminProjectsError', new AdminProjectsError(code as AdminProjectsErrorCode, 'm'), status] as const,
  ),
].map(([name, error, status]) => [name, error, status]);

describe('the project service’s error mappers', () => {
  it.each(cases.map(([name, error, status]) => [name, error.code, status, error] as const))(
    '%s %s → gRPC status %i, by exactly one mapper',
    (_name, _code, status, error) => {
      const answers = projectErrorMappers.map((map) => map(error)).filter((answer) => answer !== undefined);
      expect(answers).toEqual([status]);
    },
  );
});
