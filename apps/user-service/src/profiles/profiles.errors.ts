import { DomainError } from '@msp/platform';

export type ProfileErrorCode = 'PROFILE_NOT_FOUND' | 'VALIDATION_FAILED';

export class ProfileError extends DomainError<ProfileErrorCode> {}
