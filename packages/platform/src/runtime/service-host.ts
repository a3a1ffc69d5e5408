import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext, Type } from '@nestjs/common';
import type { Server } from 'nice-grpc';
import { startGrpcServer, type ErrorStatusMapper } from '../grpc/grpc-server.js';
import { startOpsHttpServer } from '../health/ops-http-server.js';
import type { ServiceRuntime } from './service-runtime.js';

export interface ServiceHostOptions {
  runtime: ServiceRuntime;
  /** The service's root Nest module (built with PlatformModule.forRuntime(runtime)). */
  module: Type<unknown> | ReturnType<typeof Object>;
  grpc: { host: string; port: number };
  /** Optional HTTP port for /health/live and /health/ready (distributed mode). */
  opsPort?: number | undefined;
  errorMappers: ErrorStatusMapper[];
  /** Adds the service's gRPC implementations, resolved from the Nest container. */
  registerGrpc(server: Server, app: INestApplicationContext): void;
  /** Starts the service's event consumers, if it has any. */
  startConsumers?(app: INestApplicationContext): Promise<void>;
  shutdownGraceMs?: number;
}

export interface RunningService {
  name: string;
  grpcPort: number;
  opsPort: number | undefined;
  app: INestApplicationContext;
  runtime: ServiceRuntime;
  /** Graceful stop: refuse new calls, drain calls and consumers, flush the outbox, close. */
  stop(): Promise<void>;
}

/**
 * Starts one service: Nest container, gRPC server with health, consumers, outbox relay and the
 * ops HTTP port; readiness in grpc.health.v1 follows the dependency checks.
 */
export async function startServiceHost(options: ServiceHostOptions): Promise<RunningService> {
  const { runtime } = options;
  const app = await NestFactory.createApplicationContext(options.module as Type<unknown>, { logger: false });
  await app.init();
  const grpc = await startGrpcServer(
    {
      host: options.grpc.host,
      port: options.grpc.port,
      logger: runtime.logger,
      errorMappers: options.errorMappers,
      service: runtime.service,
    },
    (server) => options.registerGrpc(server, app),
  );
  await options.startConsumers?.(app);
  let stopped = false;
  if (runtime.relayGate) void runtime.relayGate.then(() => stopped || runtime.relay.start());
  else runtime.relay.start();
  const ops = options.opsPort === undefined ? undefined : await startOpsHttpServer(options.grpc.host, options.opsPort, runtime.health);

  const refreshHealth = async () => {
    const report = await runtime.health.report();
    grpc.health.setStatus(report.status === 'ok' ? 'healthy' : 'unhealthy');
  };
  await refreshHealth();
  const healthTimer = setInterval(() => void refreshHealth(), 2_000);
  healthTimer.unref();

  runtime.logger.info({ grpcPort: grpc.port, opsPort: ops?.port }, `${runtime.service} service started`);
  let stopping: Promise<void> | undefined;
  return {
    name: runtime.service,
    grpcPort: grpc.port,
    opsPort: ops?.port,
    app,
    runtime,
    stop: () =>
      (stopping ??= (async () => {
        stopped = true;
        clearInterval(healthTimer);
        const graceMs = options.shutdownGraceMs ?? 10_000;
        // Calls and consumed messages drain side by side, so the whole stop fits in one grace period.
        // Only a consumer stops consuming: in embedded mode the bus is shared with the other services.
        await Promise.all([grpc.shutdown(graceMs), options.startConsumers ? stopConsumingWithin(runtime, graceMs) : undefined]);
        // After both: events written by the last calls and handlers are flushed to the bus.
        await runtime.relay.stop();
        await ops?.close();
        await app.close();
        await runtime.close();
        runtime.logger.info(`${runtime.service} service stopped`);
      })()),
  };
}

/**
 * Stops taking messages and waits for the handlers in flight, up to `graceMs`. A handler still
 * running then is abandoned unacknowledged: closing the connection returns its message to the queue
 * for another replica, whose inbox makes the second delivery harmless.
 */
async function stopConsumingWithin(runtime: ServiceRuntime, graceMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs)));
  try {
    await Promise.race([runtime.bus.stopConsuming(), expired]);
  } finally {
    clearTimeout(timer);
  }
}
