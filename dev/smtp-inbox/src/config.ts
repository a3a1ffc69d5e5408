import { z } from 'zod';

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
});

export interface InboxConfig {
  host: string;
  smtpPort: number;
  httpPort: number;
}

/** Parsed once at start; every invalid variable is reported together so one restart fixes them all. */
export function loadConfig(env: Env = process.env): InboxConfig {
  const result = schema.safeParse(env);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`));
  }
  return { host: result.data.INBOX_HOST, smtpPort: result.data.SMTP_PORT, httpPort: result.data.INBOX_PORT };
}
