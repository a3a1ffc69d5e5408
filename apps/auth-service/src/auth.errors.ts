import { DomainError } from '@msp/platform';

export type AuthErrorCode =
  | 'VALIDATION_FAILED'
  | 'EMAIL_TAKEN'
  | 'INVALID_CREDENTIALS'
  | 'ACCOUNT_SUSPENDED'
  | 'INVALID_TOKEN'
  | 'INVALID_REFRESH_TOKEN'
  | 'UNAUTHENTICATED'
  | 'ACCOUNT_NOT_FOUND'
  | 'TOO_MANY_ATTEMPTS'
  | 'INVALID_MFA_CODE'
  | 'INVALID_MFA_TOKEN'
  | 'MFA_NOT_ENROLLED'
  | 'MFA_ALREADY_ENABLED'
  | 'SESSION_NOT_FOUND'
  | 'FORBIDDEN'
  | 'CANNOT_CHANGE_OWN_ACCOUNT';

export class AuthError extends DomainError<AuthErrorCode> {}
