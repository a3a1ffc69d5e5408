import { CACHE, LOGGER, type Cache, type Logger } from '@msp/platform';
import { Inject, Injectable } from '@nestjs/common';
import { isProjectRole, type ProjectRole } from './project-roles.js';

/** Short: every membership change invalidates its key, the TTL only bounds a missed invalidation. */
export const MEMBERSHIP_TTL_SECONDS = 30;
const NOT_A_MEMBER = '-';

export interface MembershipKey {
  projectId: string;
  userId: string;
}

/**
 * Cache-aside for authorization look-ups: the caller's role in a project, or "not a member" (cached
 * too, since non-members probing ids is exactly the traffic to keep off the database). The cache is an
 * optimization only: when it fails, the database answers and the failure is logged.
 */
@Injectable()
export class MembershipCache {
  constructor(
    @Inject(CACHE) private readonly cache: Cache,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** The cached role, null for a cached non-member, undefined when nothing (usable) is cached. */
  async get(key: MembershipKey): Promise<ProjectRole | null | undefined> {
    try {
      const value = await this.cache.get(cacheKey(key));
      if (value === NOT_A_MEMBER) return null;
      return value !== undefined && isProjectRole(value) ? value : undefined;
    } catch (error) {
      this.logger.warn({ err: error }, 'membership cache read failed; using the database');
      return undefined;
    }
  }

  async set(key: MembershipKey, role: ProjectRole | undefined): Promise<void> {
    try {
      await this.cache.set(cacheKey(key), role ?? NOT_A_MEMBER, MEMBERSHIP_TTL_SECONDS);
    } catch (error) {
      this.logger.warn({ err: error }, 'membership cache write failed');
    }
  }

  /** Called after the change committed, so the very next look-up reads the new state. */
  async invalidate(keys: MembershipKey[]): Promise<void> {
    if (keys.length === 0) return;
    try {
      await this.cache.delete(...keys.map(cacheKey));
    } catch (error) {
      this.logger.error({ err: error }, `membership cache invalidation failed; stale for up to ${MEMBERSHIP_TTL_SECONDS} s`);
    }
  }
}

/**
 * Ids are UUIDs, which the database matches in any case: so must the key, or a look-up spelled
 * `ABC…` would keep a role that the invalidation of `abc…` removed (a demoted member still writing).
 */
function cacheKey({ projectId, userId }: MembershipKey): string {
  return `membership:${projectId.toLowerCase()}:${userId.toLowerCase()}`;
}
