import { commsV1 } from '@msp/contracts';
import { launchService, type RunningService, type SharedInfrastructure } from '@msp/platform';
import { CommsAppModule } from './app.module.js';
import { CommsGrpc } from './comms.grpc.js';
import { commsErrorStatus } from './comms.errors.js';
import type { CommsConfig } from './config.js';
import { COMMS_QUEUE, CommsEventsConsumer } from './consumers/comms-events.consumer.js';
import { migrationsFolder } from './db/migrations-folder.js';
import { inbox, outbox } from './db/schema.js';

/** Starts the communications service: used by its own `main.ts` and by the embedded launcher. */
export function startCommsService(config: CommsConfig, shared?: SharedInfrastructure): Promise<RunningService> {
  return launchService(
    {
      service: 'comms',
      schema: 'comms',
      migrationsFolder,
      outbox,
      inbox,
      config,
      databaseUrl: config.COMMS_DATABASE_URL,
      grpcPort: config.COMMS_GRPC_PORT,
      module: (runtime) => CommsAppModule.with(runtime, config),
      errorMappers: [commsErrorStatus],
      registerGrpc: (server, app) => server.add(commsV1.CommsServiceDefinition, app.get(CommsGrpc)),
      startConsumers: (app) => app.get(CommsEventsConsumer).start(),
      deadLetterQueues: [COMMS_QUEUE],
    },
    shared,
  );
}
