import { DomainError } from '@msp/platform';

/** FORBIDDEN: a caller without the platform admin role; PROJECT_NOT_FOUND: no live project has the id. */
export type AdminProjectsErrorCode = 'VALIDATION_FAILED' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'PROJECT_NOT_FOUND';

export class AdminProjectsError extends DomainError<AdminProjectsErrorCode> {}
