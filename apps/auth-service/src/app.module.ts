import { userV1 } from '@msp/contracts';
import { connectService, PlatformModule, type ServiceRuntime } from '@msp/platform';
import { Module, type DynamicModule } from '@nestjs/common';
import { AccountsRepository } from './accounts/accounts.repository.js';
import { AccountsService } from './accounts/accounts.service.js';
import { AuthGrpc } from './auth.grpc.js';
import { AUTH_SETTINGS, type AuthSettings } from './auth-settings.js';
import type { AuthConfig } from './config.js';
import { PasswordHasher } from './passwords/password-hasher.js';
import { USER_SERVICE } from './profiles/profiles.client.js';
import { RegistrationService } from './registration/registration.service.js';
import { SessionsRepository } from './sessions/sessions.repository.js';
import { SessionsService } from './sessions/sessions.service.js';
import { SigningKeysRepository } from './signing-keys/signing-keys.repository.js';
import { SigningKeysService } from './signing-keys/signing-keys.service.js';

@Module({})
export class AuthAppModule {
  static with(runtime: ServiceRuntime, config: AuthConfig): DynamicModule {
    const settings: AuthSettings = {
      issuer: config.JWT_ISSUER,
      audience: config.JWT_AUDIENCE,
      accessTokenTtlSeconds: config.ACCESS_TOKEN_TTL_SECONDS,
      refreshTokenTtlMs: config.REFRESH_TOKEN_TTL_DAYS * 86_400_000,
      emailVerificationTtlMs: config.EMAIL_VERIFICATION_TTL_HOURS * 3_600_000,
    };
    const users = connectService(userV1.UserServiceDefinition, config.USER_GRPC_URL, { deadlineMs: config.GRPC_DEADLINE_MS });
    return {
      module: AuthAppModule,
      imports: [PlatformModule.forRuntime(runtime)],
      providers: [
        { provide: AUTH_SETTINGS, useValue: settings },
        { provide: USER_SERVICE, useValue: users.client },
        AccountsRepository,
        AccountsService,
        PasswordHasher,
        RegistrationService,
        SessionsRepository,
        SessionsService,
        SigningKeysRepository,
        SigningKeysService,
        AuthGrpc,
      ],
    };
  }
}
