import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { createLogger, RevocationList, startTracing, type Cache, type Logger } from '@msp/platform';
import type { GatewayConfig } from './config.js';
import { GATEWAY_CONTROLLERS, GatewayModule } from './gateway.module.js';
import type { GatewayClients } from './grpc/grpc-clients.module.js';
import { endpointsOf } from './http/endpoint.decorator.js';
import { installFormBodyParser } from './http/form-body-parser.js';
import { installHttpHooks, requestIdOf } from './http/http-hooks.js';
import { installHttpTelemetry, installMetricsRoute } from './http/http-telemetry.js';
import { installRawBodyParser } from './http/raw-body-parser.js';
import { NestLoggerBridge } from './http/nest-logger.js';
import { answerClientError, answerFrameworkError } from './http/problem.filter.js';
import { installAdmissionControl } from './overload/admission-hook.js';
import { closeWithin } from './overload/graceful-close.js';
import { GatewayCaches } from './cache/gateway-caches.js';
import { installProjectFastRead } from './projects/project-fast-read.js';
import { ProjectReadCache } from './projects/project-read-cache.js';
import { RequestBudget } from './rate-limit/request-budget.js';
import { AccessTokenVerifier } from './security/access-token-verifier.js';

/** JSON bodies above this are refused with 413 before they are buffered in full. */
const BODY_LIMIT_BYTES = 1024 * 1024;

export interface RunningGateway {
  /** The port actually bound (useful with port 0). */
  port: number;
  /**
   * Stops accepting, lets requests in flight finish (cutting what is left after
   * `config.shutdownGraceMs`), then closes the gRPC channels.
   */
  close(): Promise<void>;
}

export interface GatewayOptions {
  /** Replaces the real gRPC clients, e.g. fakes in tests. */
  clients?: Partial<GatewayClients>;
  /**
   * The in-process cache the embedded launcher shares with the services: the auth service records
   * ended sessions there and gateways count requests there. Unused when REDIS_URL is set.
   */
  sharedCache?: Cache;
}

/**
 * Starts the HTTP gateway. Signals are the caller's business (main.ts, or the embedded launcher
 * that runs every service in one process), so no shutdown hooks are registered here.
 */
export async function startGateway(
  config: GatewayConfig,
  logger: Logger = createLogger('gateway', config.logLevel),
  options: GatewayOptions = {},
): Promise<RunningGateway> {
  // Its own process gets its own tracer provider; in an embedded process the launcher's is kept.
  const tracing = startTracing({ serviceName: 'gateway', ...config.telemetry });
  const adapter = new FastifyAdapter({
    trustProxy: true,
    bodyLimit: BODY_LIMIT_BYTES,
    genReqId: requestIdOf,
    logger: false,
    frameworkErrors: answerFrameworkError,
    clientErrorHandler: answerClientError,
    // While draining, requests that still arrive on open connections are served (with
    // `Connection: close`), not answered 503: a client that was let in is never failed.
    return503OnClosing: false,
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    GatewayModule.register({ config, logger, clients: options.clients, sharedCache: options.sharedCache }),
    adapter,
    // Bootstrap errors must reach the caller, not end the process. Nest's parsers stay off: the
    // API speaks JSON only, and Fastify's own JSON parser already enforces the body limit.
    { logger: new NestLoggerBridge(logger), abortOnError: false, bodyParser: false },
  );
  // Anything but JSON (forms, text) is 415, so no body reaches validation in another shape; the few
  // routes declared to take forms (one-click unsubscribe) are the exception.
  app.getHttpAdapter().getInstance().removeContentTypeParser('text/plain');
  installFormBodyParser(app.getHttpAdapter().getInstance(), endpointsOf(GATEWAY_CONTROLLERS));
  installRawBodyParser(app.getHttpAdapter().getInstance(), endpointsOf(GATEWAY_CONTROLLERS));
  app.useSecurityHeaders({
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    // JSON needs no sources at all; the docs page needs only its inline stylesheet.
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'none'"],
        styleSrc: ["'unsafe-inline'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'none'"],
      },
    },
  });
  app.enableCors({
    origin: config.corsOrigins,
    credentials: false,
    methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: ['authorization', 'content-type', 'idempotency-key', 'if-match', 'x-request-id'],
    exposedHeaders: [
      'x-request-id',
      'retry-after',
      'etag',
      'location',
      'idempotent-replayed',
      'ratelimit-limit',
      'ratelimit-remaining',
      'ratelimit-reset',
      'ratelimit-policy',
    ],
    maxAge: 600,
  });
  installHttpTelemetry(app.getHttpAdapter().getInstance());
  installMetricsRoute(app.getHttpAdapter().getInstance());
  installHttpHooks(app.getHttpAdapter().getInstance(), logger);
  installAdmissionControl(app.getHttpAdapter().getInstance(), config.admission);
  // A preHandler, so after all of the above; it shares the Nest route's budget, verifier and caches.
  installProjectFastRead(app.getHttpAdapter().getInstance(), {
    budget: app.get(RequestBudget),
    verifier: app.get(AccessTokenVerifier),
    revocations: app.get(RevocationList),
    reads: app.get(ProjectReadCache),
    combinedLookup: app.get(GatewayCaches).combinedLookup,
  });

  try {
    // A long accept queue: under overload, connections wait there to be accepted (and then shed at
    // once) instead of being dropped by the kernel, whose SYN-ACK retries cost the client seconds.
    await app.listen({ port: config.port, host: config.host, backlog: 4096 });
  } catch (error) {
    await app.close();
    await tracing.shutdown();
    throw error;
  }
  const { port } = app.getHttpServer().address() as AddressInfo;
  logger.info({ host: config.host, port }, 'gateway listening');
  return { port, close: () => closeWithin(app, config.shutdownGraceMs).finally(() => tracing.shutdown()) };
}
