import { CACHE, type Cache } from '@msp/platform';
import { Inject, Injectable } from '@nestjs/common';
import { USER_SETTINGS, type UserSettings } from '../user-settings.js';
import type { ProfileRow } from './profiles.repository.js';

const keyOf = (userId: string) => `profile:${userId}`;

/**
 * The cache-aside copy of profiles. Every writer invalidates after its commit, so the next read goes
 * to the database; the TTL heals an invalidation lost to a crash between commit and delete.
 */
@Injectable()
export class ProfileCache {
  constructor(
    @Inject(CACHE) private readonly cache: Cache,
    @Inject(USER_SETTINGS) private readonly settings: UserSettings,
  ) {}

  async get(userId: string): Promise<ProfileRow | undefined> {
    const cached = await this.cache.get(keyOf(userId));
    return cached === undefined ? undefined : revive(cached);
  }

  async set(profile: ProfileRow): Promise<void> {
    await this.cache.set(keyOf(profile.userId), JSON.stringify(profile), this.settings.profileCacheTtlSeconds);
  }

  async invalidate(userId: string): Promise<void> {
    await this.cache.delete(keyOf(userId));
  }
}

function revive(json: string): ProfileRow {
  const raw = JSON.parse(json) as ProfileRow & { createdAt: string; updatedAt: string };
  return { ...raw, createdAt: new Date(raw.createdAt), updatedAt: new Date(raw.updatedAt) };
}
