import type { DynamicModule, INestApplicationContext } from '@nestjs/common';
import type { Server } from 'nice-grpc';
import type { ErrorStatusMapper } from '../grpc/grpc-server.js';
import { createLogger } from '../logging/logger.js';
import type { ServiceRuntimeOptions, SharedInfrastructure, ServiceRuntime } from './service-runtime.js';
import { openServiceRuntime } from './service-runtime.js';
import { startServiceHost, type RunningService } from './service-host.js';

/** The settings every service reads from its environment (see config/service-env.ts). */
export interface CommonServiceConfig {
  GRPC_HOST: string;
  OPS_PORT?: number | undefined;
  LOG_LEVEL: string;
  REDIS_URL?: string | undefined;
  AMQP_URL?: string | undefined;
  SHUTDOWN_GRACE_MS: number;
}

export interface ServiceDefinition extends Pick<ServiceRuntimeOptions, 'service' | 'schema' | 'migrationsFolder' | 'outbox' | 'inbox'> {
  config: CommonServiceConfig;
  databaseUrl: string | undefined;
  grpcPort: number;
  module(runtime: ServiceRuntime): DynamicModule;
  errorMappers: ErrorStatusMapper[];
  registerGrpc(server: Server, app: INestApplicationContext): void;
  startConsumers?(app: INestApplicationContext): Promise<void>;
}

/** Opens a service's infrastructure and starts it: the one start path of every service. */
export async function launchService(definition: ServiceDefinition, shared?: SharedInfrastructure): Promise<RunningService> {
  const { config } = definition;
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
    amqpUrl: config.AMQP_URL,
    shared,
  });
  try {
    return await startServiceHost({
      runtime,
      module: definition.module(runtime),
      grpc: { host: config.GRPC_HOST, port: definition.grpcPort },
      opsPort: config.OPS_PORT,
      errorMappers: definition.errorMappers,
      shutdownGraceMs: config.SHUTDOWN_GRACE_MS,
      registerGrpc: definition.registerGrpc,
      ...(definition.startConsumers ? { startConsumers: definition.startConsumers } : {}),
    });
  } catch (error) {
    await runtime.close().catch(() => {});
    throw error;
  }
}
