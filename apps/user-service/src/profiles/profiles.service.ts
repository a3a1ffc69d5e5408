import { CACHE, UnitOfWork, type Cache, type Caller } from '@msp/platform';
import { Inject, Injectable } from '@nestjs/common';
import { USER_SETTINGS, type UserSettings } from '../user-settings.js';
import { ProfileError } from './profiles.errors.js';
import { ProfilesRepository, type ProfileRow } from './profiles.repository.js';

export interface NewProfile {
  userId: string;
  email: string;
  displayName: string;
  locale: string;
}

const cacheKey = (userId: string) => `profile:${userId}`;

/** Profiles, read cache-aside from the cache and invalidated on every change. */
@Injectable()
export class ProfilesService {
  constructor(
    private readonly profiles: ProfilesRepository,
    private readonly unitOfWork: UnitOfWork,
    @Inject(CACHE) private readonly cache: Cache,
    @Inject(USER_SETTINGS) private readonly settings: UserSettings,
  ) {}

  async create(profile: NewProfile): Promise<ProfileRow> {
    await this.profiles.insertIfAbsent({ ...profile, locale: profile.locale || 'en' });
    await this.cache.delete(cacheKey(profile.userId));
    return this.load(profile.userId);
  }

  /**
   * Callers see only their own profile; platform admins any. Service-to-service calls carry no
   * caller and are trusted: only the gateway faces the outside, and it always sets one.
   */
  async get(userId: string, caller: Caller | undefined): Promise<ProfileRow> {
    if (caller && caller.userId !== userId && !caller.roles.includes('admin')) throw notFound();
    const cached = await this.cache.get(cacheKey(userId));
    if (cached) return revive(cached);
    const profile = await this.load(userId);
    await this.cache.set(cacheKey(userId), JSON.stringify(profile), this.settings.profileCacheTtlSeconds);
    return profile;
  }

  async delete(userId: string): Promise<void> {
    await this.unitOfWork.run((tx) => this.profiles.delete(userId, tx));
    await this.cache.delete(cacheKey(userId));
  }

  private async load(userId: string): Promise<ProfileRow> {
    const profile = await this.profiles.findById(userId);
    if (!profile) throw notFound();
    return profile;
  }
}

function notFound(): ProfileError {
  return new ProfileError('PROFILE_NOT_FOUND', 'No such profile.');
}

function revive(json: string): ProfileRow {
  const raw = JSON.parse(json) as ProfileRow & { createdAt: string; updatedAt: string };
  return { ...raw, createdAt: new Date(raw.createdAt), updatedAt: new Date(raw.updatedAt) };
}
