import { UnitOfWork, type Caller } from '@msp/platform';
import { Injectable } from '@nestjs/common';
import { DirectoryRepository } from '../directory/directory.repository.js';
import { isUuid } from '../ids.js';
import { ProfileCache } from './profile-cache.js';
import {
  validateNewProfile,
  validateProfileChanges,
  type NewProfile,
  type ProfileChangeRequest,
  type ProfileChanges,
} from './profile.rules.js';
import { ProfileError } from './profiles.errors.js';
import { recordProfileUpdated } from './profiles.events.js';
import { ProfilesRepository, type ProfileRow } from './profiles.repository.js';

/** Profiles, read cache-aside and invalidated after every change commits. */
@Injectable()
export class ProfilesService {
  constructor(
    private readonly profiles: ProfilesRepository,
    private readonly directory: DirectoryRepository,
    private readonly unitOfWork: UnitOfWork,
    private readonly cache: ProfileCache,
  ) {}

  /**
   * Called by the auth service before it stores credentials. The directory row is created with it, so
   * the admin list shows the user even before `auth.user.registered.v1` arrives.
   */
  async create(request: NewProfile): Promise<ProfileRow> {
    const profile = validateNewProfile(request);
    await this.unitOfWork.run(async (tx) => {
      await this.profiles.insertIfAbsent(profile, tx);
      await this.directory.insertIfAbsent(profile.userId, tx);
    });
    await this.cache.invalidate(profile.userId);
    return this.load(profile.userId);
  }

  /**
   * Callers see only their own profile; platform admins any. Service-to-service calls carry no
   * caller and are trusted: only the gateway faces the outside, and it always sets one.
   */
  async get(userId: string, caller: Caller | undefined): Promise<ProfileRow> {
    if (caller && caller.userId !== userId && !caller.roles.includes('admin')) throw notFound();
    if (!isUuid(userId)) throw notFound();
    const cached = await this.cache.get(userId);
    if (cached) return cached;
    const profile = await this.load(userId);
    await this.cache.set(profile);
    return profile;
  }

  /**
   * Changes the caller's own profile. The cache is invalidated after the commit, so the very next
   * read (through any replica) loads the new row; an event is recorded only when something changed.
   */
  async update(caller: Caller | undefined, request: ProfileChangeRequest): Promise<ProfileRow> {
    if (!caller) throw new ProfileError('UNAUTHENTICATED', 'Sign in first.');
    const changes = validateProfileChanges(request);
    const updated = await this.unitOfWork.run(async (tx, events) => {
      const current = await this.profiles.findByIdForUpdate(caller.userId, tx);
      if (!current || (await this.directory.statusOf(caller.userId, tx)) === 'deleted') throw notFound();
      if (!changesAnything(current, changes)) return current;
      const next = await this.profiles.update(caller.userId, changes, tx);
      if (!next) throw notFound();
      await recordProfileUpdated(events, next);
      return next;
    });
    await this.cache.invalidate(caller.userId);
    return updated;
  }

  /** Registration compensation: removes a profile whose account could not be created. */
  async delete(userId: string): Promise<void> {
    if (!isUuid(userId)) return;
    await this.unitOfWork.run(async (tx) => {
      await this.profiles.delete(userId, tx);
      await this.directory.delete(userId, tx);
    });
    await this.cache.invalidate(userId);
  }

  private async load(userId: string): Promise<ProfileRow> {
    const profile = await this.profiles.findById(userId);
    if (!profile) throw notFound();
    return profile;
  }
}

function changesAnything(current: ProfileRow, changes: ProfileChanges): boolean {
  return (Object.keys(changes) as Array<keyof ProfileChanges>).some((field) => changes[field] !== current[field]);
}

function notFound(): ProfileError {
  return new ProfileError('PROFILE_NOT_FOUND', 'No such profile.');
}
