import type { MessageKey, Translate } from '../i18n/i18n';
import { OfflineError } from '../network/online';
import { ApiError, NETWORK_ERROR_STATUS } from './api-error';

/**
 * The sentence shown to the user for a failed request. `unauthorized` is the screen's own wording for
 * 401, because the gateway deliberately gives the same answer for an unknown email and a wrong password.
 * The gateway's `detail` is English-only, so only the codes the app knows are translated; other 4xx
 * details are shown as they are, which beats a vague sentence.
 */
export function describeError(error: unknown, t: Translate, unauthorized: MessageKey = 'error.sessionEnded'): string {
  if (error instanceof OfflineError) return t('error.offlineWrite');
  if (!(error instanceof ApiError)) return t('error.generic');
  if (error.status === NETWORK_ERROR_STATUS) return t('error.network');
  if (error.status === 401) return t(unauthorized);
  if (error.status === 403) return t('error.forbidden');
  if (error.status === 404) return t('error.notFound');
  if (error.status === 409 && error.code === 'VERSION_CONFLICT') return t('error.versionConflict');
  if (error.status === 429) return t('error.rateLimited');
  if (error.status >= 500) return t('error.generic');
  return error.detail || t('error.generic');
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
