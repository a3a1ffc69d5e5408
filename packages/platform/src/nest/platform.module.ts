import { Module, type DynamicModule } from '@nestjs/common';
import { UnitOfWork } from '../outbox/unit-of-work.js';
import type { ServiceRuntime } from '../runtime/service-runtime.js';
import { CACHE, DB, EVENT_BUS, LOGGER } from './tokens.js';

/**
 * Hands a service's opened infrastructure (database, cache, bus, logger, unit of work) to Nest's
 * container. Opening happens before Nest starts, so a bad connection fails the boot with a clear
 * error instead of a half-started module graph.
 */
@Module({})
export class PlatformModule {
  static forRuntime(runtime: ServiceRuntime): DynamicModule {
    return {
      module: PlatformModule,
      global: true,
      providers: [
        { provide: DB, useValue: runtime.db },
        { provide: CACHE, useValue: runtime.cache },
        { provide: EVENT_BUS, useValue: runtime.bus },
        { provide: LOGGER, useValue: runtime.logger },
        { provide: UnitOfWork, useValue: runtime.unitOfWork },
      ],
      exports: [DB, CACHE, EVENT_BUS, LOGGER, UnitOfWork],
    };
  }
}
