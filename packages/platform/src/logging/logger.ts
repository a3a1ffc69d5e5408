import { pino, type Logger } from 'pino';
import { activeTraceIds } from '../telemetry/trace-context.js';
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
 * JSON logs, one line per event, with the correlation id of the request being served and the trace
 * and span ids of the active span added from the async context, so a line can be joined to the
 * request that caused it and to its trace (across services: the trace id travels with the calls).
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
        const ids = activeTraceIds();
        return { ...(context ? { correlationId: context.correlationId } : {}), ...ids };
      },
    },
    destination as pino.DestinationStream | undefined,
  );
}
