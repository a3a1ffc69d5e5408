import { DomainError } from '@msp/platform';

/** FORBIDDEN: an admin-only call by someone without the platform admin role. */
export type UserDataErrorCode = 'VALIDATION_FAILED' | 'UNAUTHENTICATED' | 'FORBIDDEN';

export class UserDataError extends DomainError<UserDataErrorCode> {}
