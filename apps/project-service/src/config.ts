import { envVar, parseEnv, serviceEnv, type Env } from '@msp/platform';
import { z } from 'zod';

const schema = z.object({
  ...serviceEnv,
  PROJECT_GRPC_PORT: envVar.port(50053),
  PROJECT_DATABASE_URL: envVar.optionalUrl(),
});

export type ProjectConfig = z.infer<typeof schema>;

export function loadProjectConfig(env: Env = process.env): ProjectConfig {
  return parseEnv(schema, env);
}
