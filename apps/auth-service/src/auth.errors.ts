import { DomainError } from '@msp/platform';

export type AuthErrorCode =
  | 'VALIDATION_FAILED'
  | 'EMAIL_TAKEN'
  | 'INVALID_CREDENTIALS'
  | 'ACCOUNT_SUSPENDED'
  | 'INVALID_TOKEN'
  | 'INVALID_REFRESH_TOKEN'
  | 'UNAUTHENTICATED'
  | 'ACCOUNT_NOT_FOUND';

export class AuthError extends DomainError<AuthErrorCode> {}
