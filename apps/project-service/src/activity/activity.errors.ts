import { DomainError } from '@msp/platform';

export type ActivityErrorCode = 'VALIDATION_FAILED';

export class ActivityError extends DomainError<ActivityErrorCode> {}
