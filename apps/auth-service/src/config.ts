import { envVar, parseEnv, serviceEnv, type Env } from '@msp/platform';
import { z } from 'zod';

const schema = z.object({
  ...serviceEnv,
  AUTH_GRPC_PORT: envVar.port(50051),
  AUTH_DATABASE_URL: envVar.optionalUrl(),
  USER_GRPC_URL: z.string().default('127.0.0.1:50052'),
  GRPC_DEADLINE_MS: envVar.durationMs(5_000),
  JWT_ISSUER: z.string().default('msp-auth'),
  JWT_AUDIENCE: z.string().default('msp-api'),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(3600).default(600),
  REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  EMAIL_VERIFICATION_TTL_HOURS: z.coerce.number().int().min(1).max(720).default(48),
  /** A rotated refresh token presented again within this window is a concurrent tab, not a thief. */
  REFRESH_REUSE_GRACE_SECONDS: z.coerce.number().int().min(0).max(30).default(20),
  PASSWORD_RESET_TTL_MINUTES: z.coerce.number().int().min(5).max(1440).default(60),
  /** New access tokens get a new signing key this often; older keys stay published while their tokens live. */
  SIGNING_KEY_ROTATION_DAYS: z.coerce.number().min(0.001).max(365).default(30),
  PLATFORM_ADMIN_EMAIL: z
    .email()
    .optional()
    .or(z.literal('').transform(() => undefined)),
  PLATFORM_ADMIN_PASSWORD: z
    .string()
    .min(8)
    .max(128)
    .optional()
    .or(z.literal('').transform(() => undefined)),
});

export type AuthConfig = z.infer<typeof schema>;

export function loadAuthConfig(env: Env = process.env): AuthConfig {
  return parseEnv(schema, env);
}
