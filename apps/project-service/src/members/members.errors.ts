import { DomainError } from '@msp/platform';

/** LAST_OWNER: a project always keeps an owner, so its last one can be neither demoted nor removed. */
export type MemberErrorCode = 'VALIDATION_FAILED' | 'MEMBER_NOT_FOUND' | 'LAST_OWNER';

export class MemberError extends DomainError<MemberErrorCode> {}
