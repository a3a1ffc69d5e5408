import { ConfigError } from '@msp/platform';
import { describe, expect, it } from 'vitest';
import { loadGatewayConfig } from './config.js';

describe('loadGatewayConfig', () => {
  it('has working defaults', () => {
    expect(loadGatewayConfig({})).toEqual({
      host: '127.0.0.1',
      port: 8080,
      grpc: { auth: '127.0.0.1:50051', user: '127.0.0.1:50052', project: '127.0.0.1:50053', comms: '127.0.0.1:50054', deadlineMs: 5000 },
      corsOrigins: ['http://localhost:3000', 'http://127.0.0.1:3000'],
      logLevel: 'info',
      jwt: { issuer: 'msp-auth', audience: 'msp-api' },
      redisUrl: undefined,
      redisNamespace: 'msp',
      admission: { maxInFlight: 128, maxQueued: 128, queueTimeoutMs: 500 },
      shutdownGraceMs: 10_000,
      telemetry: { otlpEndpoint: undefined, otlpTracesEndpoint: undefined, disabled: false },
      rateLimits: { windowSeconds: 60, global: 3000, groups: { login: 60, sensitive: 30, refresh: 120, auth: 300 } },
    });
  });

  it('reads every variable', () => {
    const config = loadGatewayConfig({
      GATEWAY_HOST: '0.0.0.0',
      GATEWAY_PORT: '0',
      AUTH_GRPC_URL: 'auth:50051',
      USER_GRPC_URL: '127.0.0.1:50052,127.0.0.1:50062',
      PROJECT_GRPC_URL: 'dns:///project-service-headless:50053',
      GATEWAY_MAX_INFLIGHT: '64',
      GATEWAY_MAX_QUEUE: '0',
      GATEWAY_QUEUE_TIMEOUT_MS: '250',
      SHUTDOWN_GRACE_MS: '3000',
      GRPC_DEADLINE_MS: '2500',
      CORS_ORIGINS: 'https://app.example.com/, https://admin.example.com',
      LOG_LEVEL: 'warn',
      JWT_ISSUER: 'iss',
      JWT_AUDIENCE: 'aud',
      REDIS_URL: 'redis://cache:6379',
      REDIS_NAMESPACE: 'staging-eu',
      RATE_LIMIT_GLOBAL_PER_MINUTE: '1000',
      RATE_LIMIT_LOGIN_PER_MINUTE: '3',
      RATE_LIMIT_SENSITIVE_PER_MINUTE: '2',
      RATE_LIMIT_REFRESH_PER_MINUTE: '20',
      RATE_LIMIT_AUTH_PER_MINUTE: '40',
    });
    expect(config).toMatchObject({
      host: '0.0.0.0',
      port: 0,
      grpc: {
        auth: 'auth:50051',
        user: '127.0.0.1:50052,127.0.0.1:50062',
        project: 'dns:///project-service-headless:50053',
        deadlineMs: 2500,
      },
      admission: { maxInFlight: 64, maxQueued: 0, queueTimeoutMs: 250 },
      shutdownGraceMs: 3000,
      corsOrigins: ['https://app.example.com', 'https://admin.example.com'],
      logLevel: 'warn',
      jwt: { issuer: 'iss', audience: 'aud' },
      redisUrl: 'redis://cache:6379',
      redisNamespace: 'staging-eu',
      rateLimits: { windowSeconds: 60, global: 1000, groups: { login: 3, sensitive: 2, refresh: 20, auth: 40 } },
    });
  });

  it('reports every invalid variable at once', () => {
    const attempt = () =>
      loadGatewayConfig({
        GATEWAY_PORT: 'eighty',
        USER_GRPC_URL: 'http://user',
        CORS_ORIGINS: 'not a url',
        REDIS_URL: 'not a url',
        REDIS_NAMESPACE: 'Not:Allowed',
        RATE_LIMIT_LOGIN_PER_MINUTE: '0',
      });
    expect(attempt).toThrow(ConfigError);
    try {
      attempt();
    } catch (error) {
      const problems = (error as ConfigError).problems.join('\n');
      for (const name of ['GATEWAY_PORT', 'USER_GRPC_URL', 'CORS_ORIGINS', 'REDIS_URL', 'REDIS_NAMESPACE', 'RATE_LIMIT_LOGIN_PER_MINUTE']) {
        expect(problems).toContain(name);
      }
    }
  });
});
