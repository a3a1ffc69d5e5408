import { migratedPostgres, type TestDatabase } from '@msp/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationsFolder } from '../db/migrations-folder.js';
import { anonymousEmailOf } from '../profiles/profiles.repository.js';
import { authEvent, userServiceKit, type UserServiceKit } from '../testing/user-service-kit.js';

/**
 * A user changing their profile or preferences while their account deletion is applied, on separate
 * PostgreSQL connections: whatever the interleaving, the deletion has the last word.
 */
describe('account deletion racing the owner’s own changes (PostgreSQL)', () => {
  let database: TestDatabase;
  let kit: UserServiceKit;

  beforeAll(async () => {
    database = await migratedPostgres('users', migrationsFolder, { poolSize: 8 });
    kit = userServiceKit(database.db);
  });
  afterAll(async () => {
    await kit?.close();
    await database?.close();
  });

  it('never leaves a name, an avatar or preferences behind', async () => {
    const users = await Promise.all(Array.from({ length: 12 }, (_, i) => kit.newUser({ displayName: `Racer ${i}` })));

    await Promise.all(
      users.flatMap(({ userId, email, caller }) => [
        kit.profiles.update(caller, { displayName: 'Still Here', avatarUrl: 'https://cdn.example.test/me.png' }).catch(() => undefined),
        kit.preferences.update(caller, { product: true }).catch(() => undefined),
        kit.consumer.handle(authEvent('auth.user.deleted.v1', { userId, email })),
      ]),
    );

    for (const { userId, caller } of users) {
      expect(await kit.profilesRepository.findById(userId)).toMatchObject({
        email: anonymousEmailOf(userId),
        displayName: 'Deleted user',
        avatarUrl: null,
      });
      expect((await kit.exports.export(caller)).notificationPreferences.email.product).toBe(false);
    }
  });
});
