import { envVar } from './env.js';

/**
 * Variables every service reads, spread into each service's own schema. A URL left unset selects
 * the embedded stand-in (PGlite, in-memory cache and bus), which only the embedded launcher provides.
 */
export const serviceEnv = {
  GRPC_HOST: envVar.host(),
  /** HTTP port for /health/live and /health/ready; unset in embedded mode (the gateway reports). */
  OPS_PORT: envVar.optionalPort(),
  LOG_LEVEL: envVar.logLevel(),
  REDIS_URL: envVar.optionalUrl(),
  AMQP_URL: envVar.optionalUrl(),
  SHUTDOWN_GRACE_MS: envVar.durationMs(10_000),
};
