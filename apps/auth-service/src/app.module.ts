import { userV1 } from '@msp/contracts';
import {
  connectService,
  openSharedCache,
  PlatformModule,
  redisKeyPrefix,
  RevocationList,
  REVOCATIONS_AREA,
  type ServiceRuntime,
} from '@msp/platform';
import { Inject, Module, type DynamicModule, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { AccountLifecycleService } from './account-lifecycle/account-lifecycle.service.js';
import { AccountsRepository } from './accounts/accounts.repository.js';
import { AccountsService } from './accounts/accounts.service.js';
import { AccountAdminService } from './admin/account-admin.service.js';
import { AuthGrpc } from './auth.grpc.js';
import { AUTH_SETTINGS, type AuthSettings } from './auth-settings.js';
import type { AuthConfig } from './config.js';
import { MfaRepository } from './mfa/mfa.repository.js';
import { MfaService } from './mfa/mfa.service.js';
import { PasswordHasher } from './passwords/password-hasher.js';
import { PasswordResetRepository } from './passwords/password-reset.repository.js';
import { PasswordsService } from './passwords/passwords.service.js';
import { USER_SERVICE } from './profiles/profiles.client.js';
import { RegistrationService } from './registration/registration.service.js';
import { LoginService } from './sessions/login.service.js';
import { REVOCATIONS } from './sessions/revocations.js';
import { SessionIssuer } from './sessions/session-issuer.js';
import { SessionsRepository } from './sessions/sessions.repository.js';
import { SessionsService } from './sessions/sessions.service.js';
import { SigningKeysRepository } from './signing-keys/signing-keys.repository.js';
import { SigningKeysService } from './signing-keys/signing-keys.service.js';
import { LoginThrottle } from './throttling/login-throttle.js';

const CLOSERS = Symbol('Closers');
/** How often a replica checks for a due key rotation and follows rotations made by others. */
const KEY_MAINTENANCE_MS = 60_000;

@Module({})
export class AuthAppModule implements OnApplicationBootstrap, OnApplicationShutdown {
  private maintenance: NodeJS.Timeout | undefined;

  constructor(
    private readonly keys: SigningKeysService,
    @Inject(CLOSERS) private readonly closers: Array<() => Promise<void> | void>,
  ) {}

  static with(runtime: ServiceRuntime, config: AuthConfig): DynamicModule {
    const settings: AuthSettings = {
      issuer: config.JWT_ISSUER,
      audience: config.JWT_AUDIENCE,
      accessTokenTtlSeconds: config.ACCESS_TOKEN_TTL_SECONDS,
      refreshTokenTtlMs: config.REFRESH_TOKEN_TTL_DAYS * 86_400_000,
      emailVerificationTtlMs: config.EMAIL_VERIFICATION_TTL_HOURS * 3_600_000,
      passwordResetTtlMs: config.PASSWORD_RESET_TTL_MINUTES * 60_000,
      refreshReuseGraceMs: config.REFRESH_REUSE_GRACE_SECONDS * 1000,
      signingKeyRotationMs: config.SIGNING_KEY_ROTATION_DAYS * 86_400_000,
    };
    const users = connectService(userV1.UserServiceDefinition, config.USER_GRPC_URL, {
      deadlineMs: config.GRPC_DEADLINE_MS,
      caller: 'auth',
    });
    // Shared with the gateway, which refuses tokens of ended sessions (same key prefix there).
    const revocationCache = openSharedCache({
      redisUrl: config.REDIS_URL,
      shared: runtime.cache,
      keyPrefix: redisKeyPrefix(config.REDIS_NAMESPACE, REVOCATIONS_AREA),
    });
    return {
      module: AuthAppModule,
      imports: [PlatformModule.forRuntime(runtime)],
      providers: [
        { provide: AUTH_SETTINGS, useValue: settings },
        { provide: USER_SERVICE, useValue: users.client },
        { provide: REVOCATIONS, useValue: new RevocationList(revocationCache.cache, config.ACCESS_TOKEN_TTL_SECONDS) },
        { provide: CLOSERS, useValue: [() => users.close(), () => revocationCache.close()] },
        AccountLifecycleService,
        AccountsRepository,
        AccountsService,
        AccountAdminService,
        LoginService,
        LoginThrottle,
        MfaRepository,
        MfaService,
        PasswordHasher,
        PasswordResetRepository,
        PasswordsService,
        RegistrationService,
        SessionIssuer,
        SessionsRepository,
        SessionsService,
        SigningKeysRepository,
        SigningKeysService,
        AuthGrpc,
      ],
    };
  }

  onApplicationBootstrap(): void {
    this.maintenance = setInterval(() => void this.keys.maintain().catch(() => {}), KEY_MAINTENANCE_MS);
    this.maintenance.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.maintenance);
    for (const close of this.closers) await close();
  }
}
