import { migratedPglite, type TestDatabase } from '@msp/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationsFolder } from '../db/migrations-folder.js';
import { authEvent, userServiceKit, type UserServiceKit } from '../testing/user-service-kit.js';

describe('ProfilesService.update', () => {
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

  it('changes only the fields that are set and returns the whole profile', async () => {
    const { userId, email, caller } = await kit.newUser({ displayName: 'Ada' });

    const updated = await kit.profiles.update(caller, { locale: 'de-at', timezone: 'Europe/Vienna' });

    expect(updated).toMatchObject({ userId, email, displayName: 'Ada', locale: 'de-AT', timezone: 'Europe/Vienna', avatarUrl: null });
  });

  it('shows the change on the very next read, although the old profile was cached', async () => {
    const { userId, caller } = await kit.newUser({ displayName: 'Before' });
    expect((await kit.profiles.get(userId, caller)).displayName).toBe('Before');

    await kit.profiles.update(caller, { displayName: 'After' });

    expect((await kit.profiles.get(userId, caller)).displayName).toBe('After');
  });

  it('records user.profile.updated.v1 with the whole profile after the change', async () => {
    const { userId, email, caller } = await kit.newUser();

    await kit.profiles.update(caller, { displayName: 'Grace', avatarUrl: 'https://cdn.example.test/g.png' });

    const [event] = await kit.recorded('user.profile.updated.v1', userId);
    expect(event?.data).toEqual({
      userId,
      email,
      displayName: 'Grace',
      locale: 'en',
      timezone: 'UTC',
      avatarUrl: 'https://cdn.example.test/g.png',
    });
  });

  it('removes the avatar when given an empty URL', async () => {
    const { caller } = await kit.newUser();
    await kit.profiles.update(caller, { avatarUrl: 'https://cdn.example.test/a.png' });

    expect((await kit.profiles.update(caller, { avatarUrl: '' })).avatarUrl).toBeNull();
  });

  it('records no event when nothing changes', async () => {
    const { userId, caller } = await kit.newUser({ displayName: 'Same' });

    await kit.profiles.update(caller, {});
    await kit.profiles.update(caller, { displayName: ' Same ', locale: 'en' });

    expect(await kit.recorded('user.profile.updated.v1', userId)).toEqual([]);
  });

  it('refuses invalid fields with VALIDATION_FAILED, changing nothing', async () => {
    const { userId, caller } = await kit.newUser({ displayName: 'Kept' });

    await expect(kit.profiles.update(caller, { displayName: 'New', timezone: 'Nowhere/Land' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: [{ path: 'timezone', message: expect.any(String) }],
    });
    expect((await kit.profiles.get(userId, caller)).displayName).toBe('Kept');
  });

  it('needs a signed-in caller', async () => {
    await expect(kit.profiles.update(undefined, { displayName: 'x' })).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('answers PROFILE_NOT_FOUND for a deleted account', async () => {
    const { userId, email, caller } = await kit.newUser();
    await kit.consumer.handle(authEvent('auth.user.deleted.v1', { userId, email }));

    await expect(kit.profiles.update(caller, { displayName: 'Back again' })).rejects.toMatchObject({ code: 'PROFILE_NOT_FOUND' });
  });
});
