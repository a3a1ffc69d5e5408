import { authV1 } from '@msp/contracts';
import { launchService, type RunningService, type SharedInfrastructure } from '@msp/platform';
import { AuthAppModule } from './app.module.js';
import { authErrorStatus } from './auth-error-status.js';
import { AuthGrpc } from './auth.grpc.js';
import type { AuthConfig } from './config.js';
import { inbox, outbox } from './db/schema.js';
import { migrationsFolder } from './db/migrations-folder.js';
import { RegistrationService } from './registration/registration.service.js';
import { SigningKeysService } from './signing-keys/signing-keys.service.js';

export interface AuthServiceHandle extends RunningService {
  /** Set on the first start when an administrator was created with a generated password. */
  generatedAdminPassword: string | undefined;
}

/** Starts the auth service: used by its own `main.ts` and by the embedded launcher. */
export async function startAuthService(config: AuthConfig, shared?: SharedInfrastructure): Promise<AuthServiceHandle> {
  const service = await launchService(
    {
      service: 'auth',
      schema: 'auth',
      migrationsFolder,
      outbox,
      inbox,
      config,
      databaseUrl: config.AUTH_DATABASE_URL,
      grpcPort: config.AUTH_GRPC_PORT,
      module: (runtime) => AuthAppModule.with(runtime, config),
      errorMappers: [authErrorStatus],
      registerGrpc: (server, app) => server.add(authV1.AuthServiceDefinition, app.get(AuthGrpc)),
    },
    shared,
  );
  await service.app.get(SigningKeysService).ensureActiveKey();
  let generatedAdminPassword: string | undefined;
  if (config.PLATFORM_ADMIN_EMAIL) {
    const created = await service.app
      .get(RegistrationService)
      .ensureAdministrator(config.PLATFORM_ADMIN_EMAIL, config.PLATFORM_ADMIN_PASSWORD);
    generatedAdminPassword = created?.password;
    if (created) service.runtime.logger.info({ email: config.PLATFORM_ADMIN_EMAIL }, 'platform administrator created');
  }
  return { ...service, generatedAdminPassword };
}
