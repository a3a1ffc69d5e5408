import { DomainError } from '@msp/platform';

/** VERSION_CONFLICT: the update was based on a version of the task that is no longer current. */
export type TaskErrorCode = 'VALIDATION_FAILED' | 'TASK_NOT_FOUND' | 'VERSION_CONFLICT';

export class TaskError extends DomainError<TaskErrorCode> {}
