import { DomainError } from '@msp/platform';

export type ProjectErrorCode = 'VALIDATION_FAILED' | 'PROJECT_KEY_TAKEN' | 'PROJECT_NOT_FOUND' | 'UNAUTHENTICATED';

export class ProjectError extends DomainError<ProjectErrorCode> {}
