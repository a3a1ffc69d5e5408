import { DomainError } from '@msp/platform';

export type ProfileErrorCode = 'PROFILE_NOT_FOUND' | 'VALIDATION_FAILED' | 'UNAUTHENTICATED';

export class ProfileError extends DomainError<ProfileErrorCode> {}
