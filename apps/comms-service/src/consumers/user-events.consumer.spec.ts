import { randomUUID } from 'node:crypto';
import { migratedPglite, type TestDatabase } from '@msp/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationsFolder } from '../db/migrations-folder.js';
import { commsConsumerKit, eventOf, taskAssigned, type CommsKit } from '../testing/comms-consumer-kit.js';

const at = (day: number) => `2099-01-${String(day).padStart(2, '0')}T00:00:00.000Z`;
const everything = { security: true, account: true, projects: true, tasks: true, billing: true, product: false };

describe('CommsEventsConsumer, on user events', () => {
  let database: TestDatabase;
  let kit: CommsKit;

  beforeAll(async () => {
    database = await migratedPglite('comms', migrationsFolder);
    kit = commsConsumerKit(database.db);
  });
  afterAll(() => database?.close());

  const profile = (userId: string, email: string, displayName: string, locale: string, time: string) =>
    eventOf('user.profile.updated.v1', { userId, email, displayName, locale, timezone: 'UTC', avatarUrl: null }, time);
  const preferences = (userId: string, email: Record<string, boolean>, time?: string) =>
    eventOf('user.preferences.updated.v1', { userId, email }, time);
  const passwordReset = (userId: string, email: string) =>
    eventOf('auth.password_reset.requested.v1', { userId, email, token: 'tok_abcdefghijklmnopqrstuvwxyz', expiresAt: at(9) });

  describe('user.profile.updated.v1', () => {
    it('keeps the newest name, language and address, whatever order the events arrive in', async () => {
      const { userId } = await kit.registered({ displayName: 'Ada', locale: 'en' });

      await kit.consumer.handle(profile(userId, 'new@example.test', 'Ada L.', 'de', at(2)));
      await kit.consumer.handle(profile(userId, 'old@example.test', 'Old Name', 'fr', at(1)));

      expect(await kit.recipientOf(userId)).toMatchObject({ email: 'new@example.test', displayName: 'Ada L.', locale: 'de' });
    });

    it('writes the next email with what the profile says', async () => {
      const { userId, email } = await kit.registered({ displayName: 'Ada', locale: 'en' });
      await kit.consumer.handle(profile(userId, email, 'Jürgen', 'de-AT', at(3)));
      const event = taskAssigned(userId);

      await kit.consumer.handle(event);

      const [queued] = await kit.deliveriesOf(event.id);
      expect(queued).toMatchObject({ locale: 'de-AT' });
      expect(queued!.textBody).toMatch(/^Hallo Jürgen,\n/);
    });
  });

  describe('user.preferences.updated.v1', () => {
    it('sends no task email to a user who turned task emails off, but still every security email', async () => {
      const { userId, email } = await kit.registered();
      await kit.consumer.handle(preferences(userId, { ...everything, tasks: false }));
      const assignment = taskAssigned(userId);
      const reset = passwordReset(userId, email);
      const before = kit.pokes();

      await kit.consumer.handle(assignment);
      await kit.consumer.handle(reset);

      expect(await kit.deliveriesOf(assignment.id)).toEqual([]);
      expect(await kit.notificationsOf(assignment.id)).toHaveLength(1);
      expect(await kit.deliveriesOf(reset.id)).toEqual([expect.objectContaining({ template: 'password-reset.v1', toAddress: email })]);
      expect(kit.pokes()).toBe(before + 1);
    });

    it('sends security emails even when the event claims security is off', async () => {
      const { userId, email } = await kit.registered();
      await kit.consumer.handle(preferences(userId, { ...everything, security: false }));
      const reset = passwordReset(userId, email);

      await kit.consumer.handle(reset);

      expect(await kit.deliveriesOf(reset.id)).toHaveLength(1);
    });

    it('sends task emails again once the user turns them back on', async () => {
      const { userId } = await kit.registered();
      await kit.consumer.handle(preferences(userId, { ...everything, tasks: false }, at(1)));
      await kit.consumer.handle(preferences(userId, everything, at(2)));
      const assignment = taskAssigned(userId);

      await kit.consumer.handle(assignment);

      expect(await kit.deliveriesOf(assignment.id)).toHaveLength(1);
    });

    it('ignores an older choice that arrives after a newer one', async () => {
      const { userId } = await kit.registered();
      await kit.consumer.handle(preferences(userId, { ...everything, tasks: false }, at(2)));
      await kit.consumer.handle(preferences(userId, everything, at(1)));
      const assignment = taskAssigned(userId);

      await kit.consumer.handle(assignment);

      expect(await kit.deliveriesOf(assignment.id)).toEqual([]);
    });

    it('keeps preferences of a user comms has no address for yet, and applies them once it has', async () => {
      const userId = randomUUID();
      await kit.consumer.handle(preferences(userId, { ...everything, tasks: false }));
      await kit.consumer.handle(
        eventOf('auth.user.registered.v1', { userId, email: `late-${userId}@example.test`, displayName: 'Lin', locale: 'en' }),
      );
      const assignment = taskAssigned(userId);

      await kit.consumer.handle(assignment);

      expect(await kit.deliveriesOf(assignment.id)).toEqual([]);
    });
  });
});
