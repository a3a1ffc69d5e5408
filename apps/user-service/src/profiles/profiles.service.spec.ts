import { randomUUID } from 'node:crypto';
import { migratedPglite, type TestDatabase } from '@msp/testing';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { migrationsFolder } from '../db/migrations-folder.js';
import { adminCaller, callerFor, userServiceKit, type UserServiceKit } from '../testing/user-service-kit.js';

describe('ProfilesService', () => {
  let database: TestDatabase;
  let kit: UserServiceKit;

  beforeAll(async () => {
    database = await migratedPglite('users', migrationsFolder);
    kit = userServiceKit(database.db);
  });
  afterAll(async () => {
    await kit?.close();
    await database?.close();
  });

  const newProfile = (locale = 'de') => ({ userId: randomUUID(), email: `p-${randomUUID()}@example.test`, displayName: 'Ada', locale });

  describe('create', () => {
    it('is idempotent: a retry keeps the first profile', async () => {
      const profile = newProfile();

      const created = await kit.profiles.create(profile);
      const retried = await kit.profiles.create({ ...profile, displayName: 'Someone else' });

      expect(created).toMatchObject({ userId: profile.userId, displayName: 'Ada', locale: 'de', timezone: 'UTC', avatarUrl: null });
      expect(retried.displayName).toBe('Ada');
    });

    it('falls back to English when no locale is given', async () => {
      expect((await kit.profiles.create(newProfile(''))).locale).toBe('en');
    });

    it('creates the directory row too: active, customer, email not verified', async () => {
      const profile = newProfile();
      await kit.profiles.create(profile);

      expect(await kit.directoryRepository.findSummary(profile.userId)).toMatchObject({
        id: profile.userId,
        email: profile.email,
        roles: ['customer'],
        status: 'active',
        emailVerified: false,
      });
    });

    it('refuses a malformed request with every field problem', async () => {
      await expect(kit.profiles.create({ userId: 'nope', email: 'nope', displayName: ' ', locale: 'en_US' })).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
        fields: [
          { path: 'userId', message: expect.any(String) },
          { path: 'email', message: expect.any(String) },
          { path: 'displayName', message: expect.any(String) },
          { path: 'locale', message: expect.any(String) },
        ],
      });
    });

    it('invalidates the cache, so a profile re-created after a stale cached copy is seen', async () => {
      const profile = newProfile();
      const stale = { ...profile, displayName: 'stale', timezone: 'UTC', avatarUrl: null, createdAt: new Date(), updatedAt: new Date() };
      await kit.memoryCache.set(`profile:${profile.userId}`, JSON.stringify(stale), 60);

      await kit.profiles.create(profile);

      expect((await kit.profiles.get(profile.userId, undefined)).displayName).toBe('Ada');
    });
  });

  describe('get', () => {
    it('reads cache-aside: the second read is answered by the cache, with the same values and dates', async () => {
      const { userId, caller } = await kit.newUser();
      const reads = vi.spyOn(kit.profilesRepository, 'findById');

      const first = await kit.profiles.get(userId, caller);
      const second = await kit.profiles.get(userId, caller);

      expect(reads).toHaveBeenCalledTimes(1);
      expect(second).toEqual(first);
      expect(second.createdAt).toBeInstanceOf(Date);
      reads.mockRestore();
    });

    it('answers PROFILE_NOT_FOUND to a customer asking for another profile, without reading it', async () => {
      const { userId } = await kit.newUser();
      const reads = vi.spyOn(kit.profilesRepository, 'findById');

      await expect(kit.profiles.get(userId, callerFor(randomUUID()))).rejects.toMatchObject({ code: 'PROFILE_NOT_FOUND' });
      expect(reads).not.toHaveBeenCalled();
      reads.mockRestore();
    });

    it('lets platform administrators and other services (no caller) read any profile', async () => {
      const { userId } = await kit.newUser();

      await expect(kit.profiles.get(userId, adminCaller())).resolves.toMatchObject({ userId });
      await expect(kit.profiles.get(userId, undefined)).resolves.toMatchObject({ userId });
    });

    it('answers PROFILE_NOT_FOUND for a missing profile or a malformed id, and caches nothing', async () => {
      const userId = randomUUID();

      await expect(kit.profiles.get(userId, callerFor(userId))).rejects.toMatchObject({ code: 'PROFILE_NOT_FOUND' });
      await expect(kit.profiles.get('not-a-uuid', undefined)).rejects.toMatchObject({ code: 'PROFILE_NOT_FOUND' });
      expect(await kit.memoryCache.get(`profile:${userId}`)).toBeUndefined();
    });
  });

  describe('delete (registration compensation)', () => {
    it('removes the profile and its directory row, and the cached copy with them', async () => {
      const { userId } = await kit.newUser();
      await kit.profiles.get(userId, undefined);

      await kit.profiles.delete(userId);

      await expect(kit.profiles.get(userId, undefined)).rejects.toMatchObject({ code: 'PROFILE_NOT_FOUND' });
      expect(await kit.directoryRepository.findSummary(userId)).toBeUndefined();
    });

    it('ignores a malformed id instead of failing', async () => {
      await expect(kit.profiles.delete('not-a-uuid')).resolves.toBeUndefined();
    });
  });
});
