import { randomUUID } from 'node:crypto';
import { migratedPglite, type TestDatabase } from '@msp/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationsFolder } from '../db/migrations-folder.js';
import { anonymousEmailOf } from '../profiles/profiles.repository.js';
import { authEvent, userServiceKit, type UserServiceKit } from '../testing/user-service-kit.js';

const at = (minute: number) => new Date(Date.UTC(2026, 2, 1, 12, minute));

describe('AuthEventsConsumer', () => {
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

  const summaryOf = (userId: string) => kit.directoryRepository.findSummary(userId);
  const by = randomUUID();

  it('keeps the account facts each event carries', async () => {
    const { userId, email } = await kit.newUser();

    await kit.consumer.handle(authEvent('auth.user.registered.v1', { userId, email, displayName: 'Ada Lovelace', locale: 'en' }, at(0)));
    await kit.consumer.handle(authEvent('auth.email.verified.v1', { userId, email }, at(1)));
    await kit.consumer.handle(authEvent('auth.user.roles_changed.v1', { userId, roles: ['customer', 'admin'], by }, at(2)));
    await kit.consumer.handle(authEvent('auth.user.suspended.v1', { userId, email, by }, at(3)));

    expect(await summaryOf(userId)).toMatchObject({ email, roles: ['customer', 'admin'], status: 'suspended', emailVerified: true });
  });

  it('keeps the newest status when a suspension and its lifting arrive in the wrong order', async () => {
    const { userId, email } = await kit.newUser();

    await kit.consumer.handle(authEvent('auth.user.unsuspended.v1', { userId, email, by }, at(5)));
    await kit.consumer.handle(authEvent('auth.user.suspended.v1', { userId, email, by }, at(4)));

    expect(await summaryOf(userId)).toMatchObject({ status: 'active' });
  });

  it('keeps the newest roles when two role changes arrive in the wrong order', async () => {
    const { userId } = await kit.newUser();

    await kit.consumer.handle(authEvent('auth.user.roles_changed.v1', { userId, roles: ['customer'], by }, at(7)));
    await kit.consumer.handle(authEvent('auth.user.roles_changed.v1', { userId, roles: ['customer', 'admin'], by }, at(6)));

    expect(await summaryOf(userId)).toMatchObject({ roles: ['customer'] });
  });

  it('keeps an email verification whatever arrives after it', async () => {
    const { userId, email } = await kit.newUser();

    await kit.consumer.handle(authEvent('auth.email.verified.v1', { userId, email }, at(9)));
    await kit.consumer.handle(authEvent('auth.user.registered.v1', { userId, email, displayName: 'Ada', locale: 'en' }, at(8)));

    expect(await summaryOf(userId)).toMatchObject({ emailVerified: true, status: 'active' });
  });

  it('applies a redelivered event once: a replayed suspension does not undo a later lifting', async () => {
    const { userId, email } = await kit.newUser();
    const suspended = authEvent('auth.user.suspended.v1', { userId, email, by }, at(10));

    await kit.consumer.handle(suspended);
    await kit.consumer.handle(authEvent('auth.user.unsuspended.v1', { userId, email, by }, at(11)));
    await kit.consumer.handle(suspended);
    await Promise.all([kit.consumer.handle(suspended), kit.consumer.handle(suspended)]);

    expect(await summaryOf(userId)).toMatchObject({ status: 'active' });
  });

  it('records facts about an account it never heard of, dated by the event', async () => {
    const userId = randomUUID();
    const email = `late-${userId}@example.test`;

    await kit.consumer.handle(authEvent('auth.user.suspended.v1', { userId, email, by }, at(13)));
    await kit.consumer.handle(authEvent('auth.user.registered.v1', { userId, email, displayName: 'Lin', locale: 'de' }, at(12)));

    expect(await summaryOf(userId)).toMatchObject({ email, displayName: 'Lin', status: 'suspended', createdAt: at(12) });
  });

  describe('account deletion', () => {
    it('anonymises the profile, drops the preferences and marks the account deleted', async () => {
      const { userId, email, caller } = await kit.newUser({ displayName: 'Grace Hopper' });
      await kit.profiles.update(caller, { avatarUrl: 'https://cdn.example.test/g.png', locale: 'de', timezone: 'Europe/Berlin' });
      await kit.preferences.update(caller, { product: true });

      await kit.consumer.handle(authEvent('auth.user.deleted.v1', { userId, email }));

      const profile = await kit.profilesRepository.findById(userId);
      expect(profile).toMatchObject({
        email: anonymousEmailOf(userId),
        displayName: 'Deleted user',
        avatarUrl: null,
        locale: 'en',
        timezone: 'UTC',
      });
      expect(JSON.stringify(profile)).not.toContain('Grace');
      expect(await summaryOf(userId)).toMatchObject({ status: 'deleted', email: anonymousEmailOf(userId) });
      expect((await kit.exports.export(caller)).notificationPreferences.email.product).toBe(false);
    });

    it('invalidates the cached profile, so the next read shows the anonymised one', async () => {
      const { userId, email } = await kit.newUser({ displayName: 'Cached Name' });
      expect((await kit.profiles.get(userId, undefined)).displayName).toBe('Cached Name');

      await kit.consumer.handle(authEvent('auth.user.deleted.v1', { userId, email }));

      expect((await kit.profiles.get(userId, undefined)).displayName).toBe('Deleted user');
    });

    it('publishes the anonymised profile once, however often the deletion is delivered', async () => {
      const { userId, email } = await kit.newUser();
      const deleted = authEvent('auth.user.deleted.v1', { userId, email });

      await kit.consumer.handle(deleted);
      await kit.consumer.handle(deleted);
      await kit.consumer.handle(authEvent('auth.user.deleted.v1', { userId, email }));

      const events = await kit.recorded('user.profile.updated.v1', userId);
      expect(events.map((event) => event.data)).toEqual([
        { userId, email: anonymousEmailOf(userId), displayName: 'Deleted user', locale: 'en', timezone: 'UTC', avatarUrl: null },
      ]);
    });

    it('stays deleted when older or later status events arrive after it', async () => {
      const { userId, email } = await kit.newUser();

      await kit.consumer.handle(authEvent('auth.user.deleted.v1', { userId, email }, at(21)));
      await kit.consumer.handle(authEvent('auth.user.suspended.v1', { userId, email, by }, at(20)));
      await kit.consumer.handle(authEvent('auth.user.unsuspended.v1', { userId, email, by }, at(22)));

      expect(await summaryOf(userId)).toMatchObject({ status: 'deleted' });
    });

    it('does not bring the person back when the registration arrives after the deletion', async () => {
      const userId = randomUUID();
      const email = `gone-${userId}@example.test`;

      await kit.consumer.handle(authEvent('auth.user.deleted.v1', { userId, email }, at(31)));
      await kit.consumer.handle(authEvent('auth.user.registered.v1', { userId, email, displayName: 'Gone', locale: 'en' }, at(30)));

      expect(await kit.profilesRepository.findById(userId)).toBeUndefined();
    });
  });
});
