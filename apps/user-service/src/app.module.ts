import { PlatformModule, type ServiceRuntime } from '@msp/platform';
import { Module, type DynamicModule } from '@nestjs/common';
import type { UserConfig } from './config.js';
import { AuthEventsConsumer } from './consumers/auth-events.consumer.js';
import { USER_INBOX, USER_QUEUE } from './consumers/user-inbox.js';
import { UserQueueConsumer } from './consumers/user-queue.consumer.js';
import { DirectoryRepository } from './directory/directory.repository.js';
import { DirectoryService } from './directory/directory.service.js';
import { ExportService } from './export/export.service.js';
import { PreferencesRepository } from './preferences/preferences.repository.js';
import { PreferencesService } from './preferences/preferences.service.js';
import { UnsubscribeConsumer } from './preferences/unsubscribe.consumer.js';
import { ProfileCache } from './profiles/profile-cache.js';
import { ProfilesRepository } from './profiles/profiles.repository.js';
import { ProfilesService } from './profiles/profiles.service.js';
import { UserGrpc } from './user.grpc.js';
import { USER_SETTINGS } from './user-settings.js';

@Module({})
export class UserAppModule {
  static with(runtime: ServiceRuntime, config: UserConfig): DynamicModule {
    return {
      module: UserAppModule,
      imports: [PlatformModule.forRuntime(runtime)],
      providers: [
        { provide: USER_SETTINGS, useValue: { profileCacheTtlSeconds: config.PROFILE_CACHE_TTL_SECONDS } },
        { provide: USER_INBOX, useValue: runtime.inbox(USER_QUEUE) },
        ProfileCache,
        ProfilesRepository,
        ProfilesService,
        PreferencesRepository,
        PreferencesService,
        DirectoryRepository,
        DirectoryService,
        ExportService,
        AuthEventsConsumer,
        UnsubscribeConsumer,
        UserQueueConsumer,
        UserGrpc,
      ],
    };
  }
}
