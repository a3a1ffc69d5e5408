import { userV1 } from '@msp/contracts';
import { launchService, type RunningService, type SharedInfrastructure } from '@msp/platform';
import { UserAppModule } from './app.module.js';
import type { UserConfig } from './config.js';
import { USER_QUEUE } from './consumers/user-inbox.js';
import { UserQueueConsumer } from './consumers/user-queue.consumer.js';
import { migrationsFolder } from './db/migrations-folder.js';
import { inbox, outbox } from './db/schema.js';
import { directoryErrorStatus } from './directory/directory.errors.js';
import { exportErrorStatus } from './export/export.errors.js';
import { preferencesErrorStatus } from './preferences/preferences.errors.js';
import { profileErrorStatus } from './profiles/profile-error-status.js';
import { UserGrpc } from './user.grpc.js';

/** Starts the user service: used by its own `main.ts` and by the embedded launcher. */
export function startUserService(config: UserConfig, shared?: SharedInfrastructure): Promise<RunningService> {
  return launchService(
    {
      service: 'user',
      schema: 'users',
      migrationsFolder,
      outbox,
      inbox,
      config,
      databaseUrl: config.USER_DATABASE_URL,
      grpcPort: config.USER_GRPC_PORT,
      module: (runtime) => UserAppModule.with(runtime, config),
      errorMappers: [profileErrorStatus, preferencesErrorStatus, directoryErrorStatus, exportErrorStatus],
      registerGrpc: (server, app) => server.add(userV1.UserServiceDefinition, app.get(UserGrpc)),
      startConsumers: (app) => app.get(UserQueueConsumer).start(),
      deadLetterQueues: [USER_QUEUE],
    },
    shared,
  );
}
