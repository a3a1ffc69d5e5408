import { DomainError } from '@msp/platform';

/**
 * INVITATION_NOT_FOUND also answers a token that is expired, used, revoked or addressed to someone
 * else: the caller learns nothing about invitations that are not theirs.
 */
export type InvitationErrorCode = 'VALIDATION_FAILED' | 'ALREADY_MEMBER' | 'INVITATION_NOT_FOUND';

export class InvitationError extends DomainError<InvitationErrorCode> {}
