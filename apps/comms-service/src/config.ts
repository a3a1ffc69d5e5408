import { envVar, parseEnv, serviceEnv, type Env } from '@msp/platform';
import { z } from 'zod';

const schema = z.object({
  ...serviceEnv,
  COMMS_GRPC_PORT: envVar.port(50054),
  COMMS_DATABASE_URL: envVar.optionalUrl(),
  /** Where mail goes: the dev inbox by default, a real relay (smtps://user:pass@host:465) in production. */
  SMTP_URL: z.url().default('smtp://127.0.0.1:1025'),
  MAIL_FROM: z.string().default('Mega Solution Platform <no-reply@msp.localhost>'),
  /** The web app's public URL: links in emails point there. */
  WEB_URL: z.url().default('http://localhost:3000'),
  /** The gateway's public URL: one-click unsubscribe headers (RFC 8058) point at its API. */
  API_PUBLIC_URL: z.url().default('http://localhost:8080'),
  /** SMTP connections kept open and shared by the dispatcher's concurrent sends. */
  SMTP_MAX_CONNECTIONS: z.coerce.number().int().min(1).max(50).default(5),
  DELIVERY_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(12),
  DELIVERY_POLL_MS: envVar.durationMs(500),
});

export type CommsConfig = z.infer<typeof schema>;

export function loadCommsConfig(env: Env = process.env): CommsConfig {
  return parseEnv(schema, env);
}
