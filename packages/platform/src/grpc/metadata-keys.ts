/** gRPC metadata keys the platform uses between the gateway and services. */
export const MetadataKey = {
  correlationId: 'x-correlation-id',
  /** The verified caller, JSON; set only by the gateway (clients' copies are discarded there). */
  caller: 'x-caller',
  /** Trailer: the stable error code of a failed call, e.g. `EMAIL_TAKEN`. */
  errorCode: 'x-error-code',
  /** Trailer: JSON array of field problems of a failed call. */
  fieldErrors: 'x-field-errors',
  /** Trailer: seconds until a throttled call may be retried. */
  retryAfter: 'x-retry-after',
} as const;
