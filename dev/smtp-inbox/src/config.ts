import { z } from 'zod';
import { DEFAULT_MAX_MESSAGES } from './message-store.js';

export type Env = Record<string, string | undefined>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

// An empty variable (`SMTP_PORT=`) means "use the default"; coerced as-is it would become port 0.
const unsetIfEmpty = (value: unknown) => (value === '' ? undefined : value);
const port = (fallback: number) => z.preprocess(unsetIfEmpty, z.coerce.number().int().min(0).max(65535).default(fallback));

// Ports follow Mailpit's defaults, so anything configured for Mailpit finds this inbox unchanged.
const schema = z.object({
  SMTP_PORT: port(1025),
  INBOX_PORT: port(8025),
  INBOX_HOST: z.preprocess(unsetIfEmpty, z.string().default('127.0.0.1')),
  /** Oldest messages are dropped beyond this many (load tests keep more). */
  INBOX_MAX_MESSAGES: z.preprocess(unsetIfEmpty, z.coerce.number().int().min(1).default(DEFAULT_MAX_MESSAGES)),
});

export interface InboxConfig {
  host: string;
  smtpPort: number;
  httpPort: number;
  maxMessages: number;
}

/** Parsed once at start; every invalid variable is reported together so one restart fixes them all. */
export function loadConfig(env: Env = process.env): InboxConfig {
  const result = schema.safeParse(env);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`));
  }
  const { INBOX_HOST, SMTP_PORT, INBOX_PORT, INBOX_MAX_MESSAGES } = result.data;
  return { host: INBOX_HOST, smtpPort: SMTP_PORT, httpPort: INBOX_PORT, maxMessages: INBOX_MAX_MESSAGES };
}
