import { randomUUID } from 'node:crypto';
import { migratedPglite, type TestDatabase } from '@msp/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationsFolder } from '../db/migrations-folder.js';
import { authEvent, userServiceKit, type UserServiceKit } from '../testing/user-service-kit.js';

describe('UserQueueConsumer', () => {
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

  it('subscribes the user queue to the six account events and unsubscribes, in one subscription', async () => {
    await kit.queue.start();

    expect(kit.subscriptions).toHaveLength(1);
    expect(kit.subscriptions[0]!.queue).toBe('user');
    expect([...kit.subscriptions[0]!.events].sort()).toEqual([
      'auth.email.verified.v1',
      'auth.user.deleted.v1',
      'auth.user.registered.v1',
      'auth.user.roles_changed.v1',
      'auth.user.suspended.v1',
      'auth.user.unsuspended.v1',
      'comms.email.unsubscribed.v1',
    ]);
  });

  it('hands each event to the feature that applies it', async () => {
    const { userId, email, caller } = await kit.newUser();

    await kit.queue.handle(authEvent('auth.user.suspended.v1', { userId, email, by: randomUUID() }));
    await kit.queue.handle(authEvent('comms.email.unsubscribed.v1', { userId, category: 'tasks' }));

    expect(await kit.directoryRepository.findSummary(userId)).toMatchObject({ status: 'suspended' });
    expect((await kit.preferences.get(caller)).tasks).toBe(false);
  });

  it('ignores an event type it does not take', async () => {
    const { userId, caller } = await kit.newUser();

    await kit.queue.handle(authEvent('user.preferences.updated.v1', { userId, email: { tasks: false } }));

    expect((await kit.preferences.get(caller)).tasks).toBe(true);
  });
});
