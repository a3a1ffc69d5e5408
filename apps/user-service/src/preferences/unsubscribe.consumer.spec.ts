import { randomUUID } from 'node:crypto';
import { migratedPglite, type TestDatabase } from '@msp/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationsFolder } from '../db/migrations-folder.js';
import { authEvent, userServiceKit, type UserServiceKit } from '../testing/user-service-kit.js';

const defaults = { security: true, account: true, projects: true, tasks: true, billing: true, product: false };

describe('UnsubscribeConsumer (comms.email.unsubscribed.v1)', () => {
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

  const unsubscribed = (userId: string, category: string) => authEvent('comms.email.unsubscribed.v1', { userId, category });

  it('turns that category off, keeps the others, and publishes user.preferences.updated.v1 like any change', async () => {
    const { userId, caller } = await kit.newUser();
    await kit.preferences.update(caller, { product: true });

    await kit.queue.handle(unsubscribed(userId, 'billing'));

    const expected = { ...defaults, product: true, billing: false };
    expect(await kit.preferences.get(caller)).toEqual(expected);
    const published = await kit.recorded('user.preferences.updated.v1', userId);
    expect(published.at(-1)!.data).toEqual({ userId, email: expected });
  });

  it('applies a redelivered event once, and publishes nothing for a category already off', async () => {
    const { userId } = await kit.newUser();
    const event = unsubscribed(userId, 'tasks');

    await kit.queue.handle(event);
    await Promise.all([kit.queue.handle(event), kit.queue.handle(event)]);
    await kit.queue.handle(unsubscribed(userId, 'tasks'));

    expect(await kit.recorded('user.preferences.updated.v1', userId)).toHaveLength(1);
  });

  it('never turns security emails off: the event is ignored with a warning', async () => {
    const { userId, caller } = await kit.newUser();

    await kit.queue.handle(unsubscribed(userId, 'security'));

    expect(await kit.preferences.get(caller)).toEqual(defaults);
    expect(await kit.recorded('user.preferences.updated.v1', userId)).toEqual([]);
    expect(kit.logged).toContainEqual(
      expect.objectContaining({ level: 'warn', msg: expect.stringContaining('cannot be turned off'), userId }),
    );
  });

  it('ignores an unknown category with a warning', async () => {
    const { userId, caller } = await kit.newUser();

    await kit.queue.handle(unsubscribed(userId, 'marketing'));

    expect(await kit.preferences.get(caller)).toEqual(defaults);
    expect(kit.logged).toContainEqual(expect.objectContaining({ level: 'warn', msg: expect.stringContaining('unknown category'), userId }));
  });

  it('ignores an account that is gone, without failing (nothing to retry)', async () => {
    const { userId, email } = await kit.newUser();
    await kit.consumer.handle(authEvent('auth.user.deleted.v1', { userId, email }));

    await expect(kit.queue.handle(unsubscribed(userId, 'tasks'))).resolves.toBeUndefined();
    await expect(kit.queue.handle(unsubscribed(randomUUID(), 'tasks'))).resolves.toBeUndefined();

    expect(await kit.recorded('user.preferences.updated.v1', userId)).toEqual([]);
  });
});
