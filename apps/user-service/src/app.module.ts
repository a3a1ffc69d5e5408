import { PlatformModule, type ServiceRuntime } from '@msp/platform';
import { Module, type DynamicModule } from '@nestjs/common';
import type { UserConfig } from './config.js';
import { ProfilesGrpc } from './profiles/profiles.grpc.js';
import { ProfilesRepository } from './profiles/profiles.repository.js';
import { ProfilesService } from './profiles/profiles.service.js';
import { USER_SETTINGS } from './user-settings.js';

@Module({})
export class UserAppModule {
  static with(runtime: ServiceRuntime, config: UserConfig): DynamicModule {
    return {
      module: UserAppModule,
      imports: [PlatformModule.forRuntime(runtime)],
      providers: [
        { provide: USER_SETTINGS, useValue: { profileCacheTtlSeconds: config.PROFILE_CACHE_TTL_SECONDS } },
        ProfilesRepository,
        ProfilesService,
        ProfilesGrpc,
      ],
    };
  }
}
