import { telemetryEnv } from '../telemetry/telemetry-env.js';
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
  REDIS_NAMESPACE: envVar.redisNamespace(),
  AMQP_URL: envVar.optionalUrl(),
  SHUTDOWN_GRACE_MS: envVar.durationMs(10_000),
  /**
   * Delays before each redelivery of a failed event (RabbitMQ only), e.g. `1000,5000,30000` (the
   * default). They are the TTLs of the retry queues: changing them on a running broker needs those
   * queues deleted first, as RabbitMQ refuses to redeclare a queue with other arguments.
   */
  BUS_RETRY_DELAYS_MS: envVar.optionalDurationList(),
  ...telemetryEnv,
};
