import { channelTargetOf, envVar, parseEnv, telemetryEnv, tracingConfigOf, type Env } from '@msp/platform';
import { z } from 'zod';

/**
 * A service's gRPC address: `host:port`, a comma-separated list of replicas by IP
 * (`127.0.0.1:50051,127.0.0.1:50061`), or a target with a scheme (`dns:///name:port`); calls go
 * round-robin over every address (see channelTargetOf).
 */
const grpcAddress = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .refine(
      (value) => /^[A-Za-z0-9.\-_[\]:/,\s]+$/.test(value) && /:\d{1,5}\s*$/.test(value) && isTarget(value),
      'expected host:port, a comma-separated list of ip:port, or dns:///host:port',
    );

function isTarget(value: string): boolean {
  try {
    channelTargetOf(value);
    return true;
  } catch {
    return false;
  }
}

/**
 * Comma-separated browser origins allowed by CORS. Each entry is reduced to its origin so a
 * trailing slash in the environment cannot silently disable the match.
 */
const originList = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((raw) =>
      raw
        .split(',')
        .map((entry) => entry.trim())
        .filter((entry) => entry !== ''),
    )
    .pipe(z.array(z.url({ protocol: /^https?$/ }).transform((url) => new URL(url).origin)));

/** A positive whole number from the environment, e.g. a request budget. */
const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

const schema = z
  .object({
    GATEWAY_HOST: z.string().min(1).default('127.0.0.1'),
    GATEWAY_PORT: envVar.port(8080),
    AUTH_GRPC_URL: grpcAddress('127.0.0.1:50051'),
    USER_GRPC_URL: grpcAddress('127.0.0.1:50052'),
    PROJECT_GRPC_URL: grpcAddress('127.0.0.1:50053'),
    COMMS_GRPC_URL: grpcAddress('127.0.0.1:50054'),
    GRPC_DEADLINE_MS: envVar.durationMs(5_000),
    CORS_ORIGINS: originList('http://localhost:3000,http://127.0.0.1:3000'),
    LOG_LEVEL: envVar.logLevel(),
    JWT_ISSUER: z.string().min(1).default('msp-auth'),
    JWT_AUDIENCE: z.string().min(1).default('msp-api'),
    // Revocations and rate-limit counters live here so every gateway process sees the same state.
    REDIS_URL: envVar.optionalUrl(),
    REDIS_NAMESPACE: envVar.redisNamespace(),
    RATE_LIMIT_GLOBAL_PER_MINUTE: positiveInt(3000),
    RATE_LIMIT_LOGIN_PER_MINUTE: positiveInt(60),
    RATE_LIMIT_SENSITIVE_PER_MINUTE: positiveInt(30),
    RATE_LIMIT_REFRESH_PER_MINUTE: positiveInt(120),
    RATE_LIMIT_AUTH_PER_MINUTE: positiveInt(300),
    // Admission control (overload/): requests worked on at once, how many may wait, and for how long.
    GATEWAY_MAX_INFLIGHT: positiveInt(128),
    GATEWAY_MAX_QUEUE: z.coerce.number().int().nonnegative().default(128),
    GATEWAY_QUEUE_TIMEOUT_MS: envVar.durationMs(500),
    // On SIGTERM, requests in flight get this long to finish before their connections are cut.
    SHUTDOWN_GRACE_MS: envVar.durationMs(10_000),
    ...telemetryEnv,
  })
  .transform((env) => ({
    host: env.GATEWAY_HOST,
    port: env.GATEWAY_PORT,
    grpc: {
      auth: env.AUTH_GRPC_URL,
      user: env.USER_GRPC_URL,
      project: env.PROJECT_GRPC_URL,
      comms: env.COMMS_GRPC_URL,
      deadlineMs: env.GRPC_DEADLINE_MS,
    },
    corsOrigins: env.CORS_ORIGINS,
    logLevel: env.LOG_LEVEL,
    jwt: { issuer: env.JWT_ISSUER, audience: env.JWT_AUDIENCE },
    redisUrl: env.REDIS_URL,
    redisNamespace: env.REDIS_NAMESPACE,
    admission: {
      maxInFlight: env.GATEWAY_MAX_INFLIGHT,
      maxQueued: env.GATEWAY_MAX_QUEUE,
      queueTimeoutMs: env.GATEWAY_QUEUE_TIMEOUT_MS,
    },
    shutdownGraceMs: env.SHUTDOWN_GRACE_MS,
    telemetry: tracingConfigOf(env),
    rateLimits: {
      // The variables say "per minute": one window is one minute.
      windowSeconds: 60,
      global: env.RATE_LIMIT_GLOBAL_PER_MINUTE,
      groups: {
        /** Password and second-factor guessing: login, MFA verification. */
        login: env.RATE_LIMIT_LOGIN_PER_MINUTE,
        /** Routes that send email or redeem emailed tokens: register, forgot and reset password. */
        sensitive: env.RATE_LIMIT_SENSITIVE_PER_MINUTE,
        refresh: env.RATE_LIMIT_REFRESH_PER_MINUTE,
        /** Every other auth and account-control route. */
        auth: env.RATE_LIMIT_AUTH_PER_MINUTE,
      },
    },
  }));

export type GatewayConfig = z.output<typeof schema>;
export type BackendName = keyof Omit<GatewayConfig['grpc'], 'deadlineMs'>;
export type RateLimitConfig = GatewayConfig['rateLimits'];
/** Routes that share one request budget per client address, besides the global one. */
export type RateLimitGroup = keyof RateLimitConfig['groups'];

/** The gateway's only reader of the environment: parsed once at boot, every problem reported at once. */
export function loadGatewayConfig(env: Env = process.env): GatewayConfig {
  return parseEnv(schema, env);
}
