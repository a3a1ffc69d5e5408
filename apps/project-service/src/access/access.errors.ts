import { DomainError } from '@msp/platform';

/**
 * Authorization outcomes shared by every project feature. A caller who is not a member of a project
 * (platform admins included) gets PROJECT_NOT_FOUND, exactly as for a project that does not exist;
 * FORBIDDEN is only ever said to members, who know the project exists. PROJECT_ARCHIVED refuses a
 * change to an archived (read-only) project; it too is only said to someone allowed to see the project.
 */
export type AccessErrorCode = 'UNAUTHENTICATED' | 'PROJECT_NOT_FOUND' | 'FORBIDDEN' | 'PROJECT_ARCHIVED';

export class AccessError extends DomainError<AccessErrorCode> {}
