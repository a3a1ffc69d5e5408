import { ApiError, NETWORK_ERROR_STATUS } from './api-error';

const GENERIC = 'Something went wrong. Try again.';

/**
 * The sentence shown to the user for a failed request. `unauthorized` is the screen's own wording for
 * 401, because the gateway deliberately gives the same answer for an unknown email and a wrong password.
 */
export function describeError(error: unknown, unauthorized: string): string {
  if (!(error instanceof ApiError)) return GENERIC;
  if (error.status === NETWORK_ERROR_STATUS) return 'Cannot reach the server. Check your connection and try again.';
  if (error.status === 401) return unauthorized;
  if (error.status === 429) return 'Too many attempts. Wait a moment and try again.';
  if (error.status >= 500) return GENERIC;
  return error.detail || GENERIC;
}

/**
 * Field messages keyed by field name. Paths may come as "email", "/email" (JSON pointer) or
 * "body.email", so the last segment names the field.
 */
export function fieldMessages(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const messages: Record<string, string> = {};
  for (const { path, message } of error.errors) {
    const field = path.split(/[./]/).filter(Boolean).pop();
    if (field !== undefined && !(field in messages)) messages[field] = message;
  }
  return messages;
}
