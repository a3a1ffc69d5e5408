import { envVar, parseEnv, serviceEnv, type Env } from '@msp/platform';
import { z } from 'zod';

const schema = z.object({
  ...serviceEnv,
  USER_GRPC_PORT: envVar.port(50052),
  USER_DATABASE_URL: envVar.optionalUrl(),
  PROFILE_CACHE_TTL_SECONDS: z.coerce.number().int().min(1).max(86_400).default(300),
});

export type UserConfig = z.infer<typeof schema>;

export function loadUserConfig(env: Env = process.env): UserConfig {
  return parseEnv(schema, env);
}
