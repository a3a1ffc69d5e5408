import type { DynamicModule, INestApplicationContext } from '@nestjs/common';
import { opsV1 } from '@msp/contracts';
import type { Server } from 'nice-grpc';
import { deadLetterErrorStatus } from '../dead-letters/dead-letter.errors.js';
import { DeadLettersGrpc } from '../dead-letters/dead-letters.grpc.js';
import { DeadLetterAdmin } from '../dead-letters/dead-letters.service.js';
import type { ErrorStatusMapper } from '../grpc/grpc-server.js';
import { createLogger } from '../logging/logger.js';
import { tracingConfigOf, type TelemetryEnv } from '../telemetry/telemetry-env.js';
import { startTracing } from '../telemetry/tracing.js';
import type { ServiceRuntimeOptions, SharedInfrastructure, ServiceRuntime } from './service-runtime.js';
import { openServiceRuntime } from './service-runtime.js';
import { startServiceHost, type RunningService } from './service-host.js';

/** The settings every service reads from its environment (see config/service-env.ts). */
export interface CommonServiceConfig extends TelemetryEnv {
  GRPC_HOST: string;
  OPS_PORT?: number | undefined;
  LOG_LEVEL: string;
  REDIS_URL?: string | undefined;
  REDIS_NAMESPACE?: string | undefined;
  AMQP_URL?: string | undefined;
  SHUTDOWN_GRACE_MS: number;
  BUS_RETRY_DELAYS_MS?: readonly number[] | undefined;
}

export interface ServiceDefinition extends Pick<ServiceRuntimeOptions, 'service' | 'schema' | 'migrationsFolder' | 'outbox' | 'inbox'> {
  config: CommonServiceConfig;
  databaseUrl: string | undefined;
  grpcPort: number;
  module(runtime: ServiceRuntime): DynamicModule;
  errorMappers: ErrorStatusMapper[];
  registerGrpc(server: Server, app: INestApplicationContext): void;
  startConsumers?(app: INestApplicationContext): Promise<void>;
  /**
   * The event queues the service consumes: their dead letters are served to administrators over gRPC
   * (msp.ops.v1.DeadLetterService, on the service's own port).
   */
  deadLetterQueues?: readonly string[];
}

/** Opens a service's infrastructure and starts it: the one start path of every service. */
export async function launchService(definition: ServiceDefinition, shared?: SharedInfrastructure): Promise<RunningService> {
  const { config } = definition;
  // Its own process gets its own tracer provider; in an embedded process the launcher's is kept.
  const tracing = startTracing({ serviceName: `${definition.service}-service`, ...tracingConfigOf(config) });
  const logger = createLogger(`${definition.service}-service`, config.LOG_LEVEL);
  const runtime = await openServiceRuntime({
    service: definition.service,
    schema: definition.schema,
    migrationsFolder: definition.migrationsFolder,
    outbox: definition.outbox,
    inbox: definition.inbox,
    logger,
    databaseUrl: definition.databaseUrl,
    redisUrl: config.REDIS_URL,
    redisNamespace: config.REDIS_NAMESPACE,
    amqpUrl: config.AMQP_URL,
    busRetryDelaysMs: config.BUS_RETRY_DELAYS_MS,
    shared,
  });
  const deadLetterQueues = definition.deadLetterQueues ?? [];
  try {
    const service = await startServiceHost({
      runtime,
      module: definition.module(runtime),
      grpc: { host: config.GRPC_HOST, port: definition.grpcPort },
      opsPort: config.OPS_PORT,
      errorMappers: [...definition.errorMappers, deadLetterErrorStatus],
      shutdownGraceMs: config.SHUTDOWN_GRACE_MS,
      registerGrpc: (server, app) => {
        definition.registerGrpc(server, app);
        if (deadLetterQueues.length > 0) {
          server.add(opsV1.DeadLetterServiceDefinition, new DeadLettersGrpc(new DeadLetterAdmin(runtime.bus, deadLetterQueues)));
        }
      },
      ...(definition.startConsumers ? { startConsumers: definition.startConsumers } : {}),
    });
    // Spans of the drain (last relay pass, last sends) are flushed before the process ends.
    return { ...service, stop: () => service.stop().finally(() => tracing.shutdown()) };
  } catch (error) {
    await runtime.close().catch(() => {});
    await tracing.shutdown();
    throw error;
  }
}
