/** Longest failure text carried with a retried or dead-lettered message: enough to diagnose, small in headers. */
export const MAX_REASON_LENGTH = 500;

/** The message of what a handler threw, cut to a size that fits comfortably in AMQP headers. */
export function failureReason(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.length > MAX_REASON_LENGTH ? text.slice(0, MAX_REASON_LENGTH) : text;
}
