import { GenerationCheckedCache, type Logger } from '@msp/platform';
import type { ProjectResponse } from './projects.dto.js';

/**
 * As the project service's. They need not match for correctness: an entry is used only while its
 * generation is current, whatever either TTL is; they only bound memory and misses.
 */
const ENTRY_TTL_SECONDS = 60;
const GENERATION_TTL_SECONDS = 3_600;
/** One warning per this interval tells operators the cache is down; more would flood the log. */
const WARNING_INTERVAL_MS = 10_000;

/**
 * The gateway's read path for one project as one caller sees it: one cache round trip instead of a
 * gRPC call, whenever the project service has not changed the project (or its members) since the
 * entry was filled. The project service replaces the project's generation after every such change,
 * before answering it, so a read that starts after a change was answered never gets the old view
 * (see GenerationCheckedCache). Entries are per caller: the view includes the caller's role, and a
 * caller without one gets the service's 404, which is never cached.
 *
 * Identical misses in flight (same project, caller and generation) share one call to the service.
 * When the cache fails, reads go to the service as they would without it.
 */
export class ProjectReadCache {
  private readonly inFlight = new Map<string, Promise<ProjectResponse>>();
  private readonly reads: GenerationCheckedCache | undefined;
  private lastWarningAt = Number.NEGATIVE_INFINITY;

  constructor(
    cache: ConstructorParameters<typeof GenerationCheckedCache>[0] | undefined,
    private readonly logger: Logger,
  ) {
    this.reads =
      cache && new GenerationCheckedCache(cache, { entryTtlSeconds: ENTRY_TTL_SECONDS, generationTtlSeconds: GENERATION_TTL_SECONDS });
  }

  /** The project as `userId` sees it now; `load` asks the project service (with the caller's identity). */
  async get(projectId: string, userId: string, load: () => Promise<ProjectResponse>): Promise<ProjectResponse> {
    if (!this.reads) return load();
    let generation: string | undefined;
    try {
      const found = await this.reads.read(projectId, userId);
      if (found.value !== undefined) return JSON.parse(found.value) as ProjectResponse;
      generation = found.generation;
    } catch (error) {
      this.warn(error);
      return load();
    }
    const key = `${projectId}\n${userId}\n${generation ?? ''}`.toLowerCase();
    const pending = this.inFlight.get(key);
    if (pending) return pending;
    const loading = this.loadAndFill(this.reads, projectId, userId, generation, load).finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, loading);
    return loading;
  }

  /**
   * The cached view (as JSON) while it is current; undefined on a miss or when the cache fails,
   * and the caller then takes `get`'s path, which asks the service.
   */
  async current(projectId: string, userId: string): Promise<string | undefined> {
    if (!this.reads) return undefined;
    try {
      return (await this.reads.read(projectId, userId)).value;
    } catch (error) {
      this.warn(error);
      return undefined;
    }
  }

  /**
   * The keys `current` reads (in the cache given to the constructor), for a caller that reads them
   * in one command with other keys; undefined when there is no cache.
   */
  keysOf(projectId: string, userId: string): [generation: string, entry: string] | undefined {
    return this.reads?.keysOf(projectId, userId);
  }

  /** What `current` answers when the keys of `keysOf` hold these values. */
  currentOf(generation: string | undefined, stored: string | undefined): string | undefined {
    return this.reads?.resolve(generation, stored).value;
  }

  private async loadAndFill(
    reads: GenerationCheckedCache,
    projectId: string,
    userId: string,
    seen: string | undefined,
    load: () => Promise<ProjectResponse>,
  ): Promise<ProjectResponse> {
    // The generation must be known before the service reads: an entry is only as fresh as that.
    const generation = seen ?? (await reads.start(projectId).catch((error: unknown) => void this.warn(error)));
    const project = await load();
    if (generation) {
      reads.fill(projectId, userId, generation, JSON.stringify(project)).catch((error: unknown) => this.warn(error));
    }
    return project;
  }

  private warn(error: unknown): void {
    const now = Date.now();
    if (now - this.lastWarningAt < WARNING_INTERVAL_MS) return;
    this.lastWarningAt = now;
    this.logger.warn({ err: error }, 'project read cache unavailable; reading from the project service');
  }
}
