import { pino, type Logger } from 'pino';
import { currentContext } from './request-context.js';

export type { Logger };

/** Keys whose values never reach a log line, wherever they appear in a logged object. */
const SECRET_KEYS = [
  'password',
  'newPassword',
  'currentPassword',
  'token',
  'accessToken',
  'refreshToken',
  'mfaToken',
  'secret',
  'authorization',
  'cookie',
  'code',
];
const redactPaths = SECRET_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]);

/**
 * JSON logs, one line per event, with the correlation id (and caller) of the request being served
 * added from the async context, so a line can be joined to the request that caused it.
 */
export function createLogger(service: string, level = 'info', destination?: NodeJS.WritableStream): Logger {
  return pino(
    {
      name: service,
      level,
      base: { service },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: redactPaths, censor: '[redacted]' },
      formatters: { level: (label) => ({ level: label }) },
      mixin: () => {
        const context = currentContext();
        return context ? { correlationId: context.correlationId } : {};
      },
    },
    destination as pino.DestinationStream | undefined,
  );
}
