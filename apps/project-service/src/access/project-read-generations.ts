import {
  GENERATION_READS_AREA,
  GenerationCheckedCache,
  LOGGER,
  openSharedCache,
  redisKeyPrefix,
  type Cache,
  type Logger,
} from '@msp/platform';
import { Inject, Injectable, type OnApplicationShutdown, type Provider } from '@nestjs/common';

/** The gateways' cache of project reads, in the area both sides open (GENERATION_READS_AREA). */
export const PROJECT_READ_CACHE = Symbol('ProjectReadCache');

/** How long a gateway keeps a project read; used only while the project's generation is unchanged. */
export const PROJECT_READ_TTL_SECONDS = 60;
/** A project nobody changes keeps its generation this long; then its next read starts a new one. */
export const PROJECT_GENERATION_TTL_SECONDS = 3_600;

export function projectReadCacheOf(cache: Cache): GenerationCheckedCache {
  return new GenerationCheckedCache(cache, {
    entryTtlSeconds: PROJECT_READ_TTL_SECONDS,
    generationTtlSeconds: PROJECT_GENERATION_TTL_SECONDS,
  });
}

/**
 * What keeps the gateways' project reads fresh: after any committed change to what a project read
 * shows (its fields, plan, or who is a member with which role) and before the change is answered,
 * the project's generation is replaced, so the very next read on any gateway misses and asks here.
 */
@Injectable()
export class ProjectReadGenerations {
  constructor(
    @Inject(PROJECT_READ_CACHE) private readonly reads: GenerationCheckedCache,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async changed(projectIds: Iterable<string>): Promise<void> {
    const ids = [...projectIds];
    if (ids.length === 0) return;
    try {
      await this.reads.bump(ids);
    } catch (error) {
      // The change is committed and must be answered; gateways may show the old read until it expires.
      this.logger.error(
        { err: error, projectIds: ids },
        `project read invalidation failed; reads stale for up to ${PROJECT_READ_TTL_SECONDS} s`,
      );
    }
  }
}

/** Opens the gateways' project-read area: Redis under its shared prefix, or the embedded process's cache. */
export class ProjectReadCacheConnection implements OnApplicationShutdown {
  readonly reads: GenerationCheckedCache;
  private readonly close: () => Promise<void>;

  constructor(redis: { url: string | undefined; namespace: string | undefined }, shared: Cache) {
    // The gateway opens the same prefix (or, embedded, the same shared cache): any other would leave
    // every bump unseen by the readers.
    const opened = openSharedCache({ redisUrl: redis.url, shared, keyPrefix: redisKeyPrefix(redis.namespace, GENERATION_READS_AREA) });
    this.reads = projectReadCacheOf(opened.cache);
    this.close = opened.close;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.close();
  }
}

/** The providers of the project-read invalidation, for the service's module. */
export function projectReadProviders(redis: { url: string | undefined; namespace: string | undefined }, shared: Cache): Provider[] {
  return [
    { provide: ProjectReadCacheConnection, useFactory: () => new ProjectReadCacheConnection(redis, shared) },
    {
      provide: PROJECT_READ_CACHE,
      inject: [ProjectReadCacheConnection],
      useFactory: (connection: ProjectReadCacheConnection) => connection.reads,
    },
    ProjectReadGenerations,
  ];
}
