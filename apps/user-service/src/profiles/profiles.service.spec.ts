import { randomUUID } from 'node:crypto';
import { MemoryCache, type Caller, type Db } from '@msp/platform';
import { FakeUnitOfWork } from '@msp/testing';
import { afterEach, describe, expect, it } from 'vitest';
import type { ProfileRow, ProfilesRepository } from './profiles.repository.js';
import { ProfilesService } from './profiles.service.js';

/** The profiles table in memory, counting the reads that reach it. */
class FakeProfiles {
  readonly rows = new Map<string, ProfileRow>();
  reads = 0;
  deletedInside: boolean[] = [];

  constructor(private readonly unitOfWork: FakeUnitOfWork) {}

  async findById(userId: string) {
    this.reads++;
    const row = this.rows.get(userId);
    return row && { ...row };
  }
  async insertIfAbsent(profile: { userId: string; email: string; displayName: string; locale?: string }) {
    if (this.rows.has(profile.userId)) return;
    const now = new Date();
    this.rows.set(profile.userId, { locale: 'en', timezone: 'UTC', avatarUrl: null, createdAt: now, updatedAt: now, ...profile });
  }
  async delete(userId: string, tx: Db) {
    this.deletedInside.push(tx === this.unitOfWork.tx && this.unitOfWork.inside);
    this.rows.delete(userId);
  }
}

const caches: MemoryCache[] = [];
afterEach(async () => {
  await Promise.all(caches.splice(0).map((cache) => cache.close()));
});

function setUp() {
  const unitOfWork = new FakeUnitOfWork();
  const profiles = new FakeProfiles(unitOfWork);
  const cache = new MemoryCache();
  caches.push(cache);
  const service = new ProfilesService(profiles as unknown as ProfilesRepository, unitOfWork.asUnitOfWork(), cache, {
    profileCacheTtlSeconds: 60,
  });
  return { service, profiles, cache, unitOfWork };
}

const newProfile = (locale = 'de') => ({ userId: randomUUID(), email: `p-${randomUUID()}@example.test`, displayName: 'Ada', locale });
const callerFor = (userId: string, roles = ['customer']): Caller => ({ userId, sessionId: randomUUID(), roles });

describe('ProfilesService', () => {
  it('creates a profile idempotently: a retry keeps the first one', async () => {
    const { service } = setUp();
    const profile = newProfile();

    const created = await service.create(profile);
    const retried = await service.create({ ...profile, displayName: 'Someone else' });

    expect(created).toMatchObject({ userId: profile.userId, displayName: 'Ada', locale: 'de', timezone: 'UTC' });
    expect(retried.displayName).toBe('Ada');
  });

  it('falls back to English when no locale is given', async () => {
    const { service } = setUp();
    expect((await service.create(newProfile(''))).locale).toBe('en');
  });

  it('reads cache-aside: the second get is answered by the cache, with the same values and dates', async () => {
    const { service, profiles } = setUp();
    const { userId } = await service.create(newProfile());
    const readsAfterCreate = profiles.reads;

    const first = await service.get(userId, callerFor(userId));
    const second = await service.get(userId, callerFor(userId));

    expect(profiles.reads - readsAfterCreate).toBe(1);
    expect(second).toEqual(first);
    expect(second.createdAt).toBeInstanceOf(Date);
  });

  it('invalidates the cache on delete, so the profile is gone for the next reader', async () => {
    const { service, profiles } = setUp();
    const { userId } = await service.create(newProfile());
    await service.get(userId, undefined);

    await service.delete(userId);

    expect(profiles.deletedInside).toEqual([true]);
    await expect(service.get(userId, undefined)).rejects.toMatchObject({ code: 'PROFILE_NOT_FOUND' });
  });

  it('invalidates the cache on create, so a profile re-created after a cached miss is seen', async () => {
    const { service, cache } = setUp();
    const profile = newProfile();
    await cache.set(
      `profile:${profile.userId}`,
      JSON.stringify({ ...profile, displayName: 'stale', createdAt: new Date(), updatedAt: new Date() }),
      60,
    );

    await service.create(profile);

    expect((await service.get(profile.userId, undefined)).displayName).toBe('Ada');
  });

  it('answers PROFILE_NOT_FOUND to a customer asking for another profile, without reading it', async () => {
    const { service, profiles } = setUp();
    const { userId } = await service.create(newProfile());
    const reads = profiles.reads;

    await expect(service.get(userId, callerFor(randomUUID()))).rejects.toMatchObject({ code: 'PROFILE_NOT_FOUND' });
    expect(profiles.reads).toBe(reads);
  });

  it('lets platform administrators and other services (no caller) read any profile', async () => {
    const { service } = setUp();
    const { userId } = await service.create(newProfile());

    await expect(service.get(userId, callerFor(randomUUID(), ['customer', 'admin']))).resolves.toMatchObject({ userId });
    await expect(service.get(userId, undefined)).resolves.toMatchObject({ userId });
  });

  it('answers PROFILE_NOT_FOUND for a profile that does not exist and caches nothing', async () => {
    const { service, cache } = setUp();
    const userId = randomUUID();

    await expect(service.get(userId, callerFor(userId))).rejects.toMatchObject({ code: 'PROFILE_NOT_FOUND' });
    expect(await cache.get(`profile:${userId}`)).toBeUndefined();
  });
});
