import { DomainError } from '@msp/platform';

export type CommentErrorCode = 'VALIDATION_FAILED' | 'TASK_NOT_FOUND';

export class CommentError extends DomainError<CommentErrorCode> {}
