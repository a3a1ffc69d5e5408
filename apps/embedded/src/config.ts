import { envVar, parseEnv, telemetryEnv, type Env } from '@msp/platform';
import { z } from 'zod';

const schema = z.object({
  /** Where the embedded database (and its lock) live; survives restarts. */
  DATA_DIR: z.string().min(1).default('.data'),
  HOST: envVar.host(),
  SMTP_PORT: envVar.port(1025),
  INBOX_PORT: envVar.port(8025),
  WEB_PORT: envVar.port(3000),
  /** Set to false to run without the web app (tests that only need the API). */
  START_WEB: envVar.flag(true),
  /** A real SMTP server replaces the dev inbox when set. */
  SMTP_URL: envVar.optionalUrl(),
  /** A real payment gateway (Stripe's API) replaces the payment sandbox when set. */
  PAYMENT_GATEWAY_URL: envVar.optionalUrl(),
  LOG_LEVEL: envVar.logLevel(),
  // Tracing is exported only when an OTLP endpoint is set (off by default): see docs/operations.md.
  ...telemetryEnv,
});

export type EmbeddedConfig = z.infer<typeof schema>;

export function loadEmbeddedConfig(env: Env = process.env): EmbeddedConfig {
  return parseEnv(schema, env);
}

/** The process environment: read here only, and handed on to the services' own config parsers. */
export function processEnvironment(): Env {
  return process.env;
}
