import { randomUUID } from 'node:crypto';
import { createEnvelope, type Envelope, type EventData, type EventType } from '@msp/events';
import { migratedPglite, type TestDatabase } from '@msp/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationsFolder } from '../db/migrations-folder.js';
import { commsConsumerKit } from '../testing/comms-consumer-kit.js';
import type { CommsEventsConsumer } from './comms-events.consumer.js';

const token = 'tok_abcdefghijklmnopqrstuvwxyz';
const at = '2026-03-01T14:05:00.000Z';

function event<T extends EventType>(type: T, data: EventData<T>, time?: string): Envelope<T> {
  const envelope = createEnvelope({ type, source: 'auth', subject: (data as { userId: string }).userId, data });
  return time ? { ...envelope, time } : envelope;
}

/** One event of each type that sends an email, for a user, with what its email must contain. */
const emailEvents = (userId: string, email: string) => [
  {
    template: 'verify-email.v1',
    event: event('auth.email_verification.requested.v1', { userId, email, displayName: 'Jürgen', locale: 'de-AT', token, expiresAt: at }),
    link: `https://web.test/app/verify-email?token=${token}`,
  },
  {
    template: 'password-reset.v1',
    event: event('auth.password_reset.requested.v1', { userId, email, token, expiresAt: at }),
    link: `https://web.test/app/reset-password?token=${token}`,
  },
  {
    template: 'new-sign-in.v1',
    event: event('auth.user.signed_in.v1', { userId, email, sessionId: randomUUID(), ip: '203.0.113.7', userAgent: 'Firefox', at }),
    link: 'https://web.test/app/forgot-password',
  },
  {
    template: 'password-changed.v1',
    event: event('auth.password.changed.v1', { userId, email, via: 'reset', at }),
    link: 'https://web.test/app/forgot-password',
  },
  { template: 'mfa-enabled.v1', event: event('auth.mfa.enabled.v1', { userId, email }), link: 'https://web.test/app/forgot-password' },
  { template: 'mfa-disabled.v1', event: event('auth.mfa.disabled.v1', { userId, email }), link: 'https://web.test/app/forgot-password' },
];

describe('CommsEventsConsumer, on auth events', () => {
  let database: TestDatabase;
  let kit: ReturnType<typeof commsConsumerKit>;
  let consumer: CommsEventsConsumer;

  beforeAll(async () => {
    database = await migratedPglite('comms', migrationsFolder);
    kit = commsConsumerKit(database.db);
    consumer = kit.consumer;
  });
  afterAll(() => database?.close());

  const deliveriesOf = (eventId: string) => kit.deliveriesOf(eventId);
  const recipientOf = (userId: string) => kit.recipientOf(userId);

  async function registered(displayName = 'Jürgen', locale = 'de-AT') {
    const userId = randomUUID();
    const email = `user-${userId}@example.test`;
    await consumer.handle(event('auth.user.registered.v1', { userId, email, displayName, locale }));
    return { userId, email };
  }

  it('subscribes the comms queue to every event it handles, from every service, in one subscription', async () => {
    await consumer.start();

    expect(kit.subscriptions).toHaveLength(1);
    expect(kit.subscriptions[0]!.queue).toBe('comms');
    expect([...kit.subscriptions[0]!.events].sort()).toEqual(
      [
        'auth.email_verification.requested.v1',
        'auth.email.verified.v1',
        'auth.mfa.disabled.v1',
        'auth.mfa.enabled.v1',
        'auth.password.changed.v1',
        'auth.password_reset.requested.v1',
        'auth.user.deleted.v1',
        'auth.user.registered.v1',
        'auth.user.signed_in.v1',
        'project.member.invited.v1',
        'task.assigned.v1',
        'task.commented.v1',
        'payment.succeeded.v1',
        'payment.failed.v1',
        'user.profile.updated.v1',
        'user.preferences.updated.v1',
      ].sort(),
    );
  });

  it('records a registered user as a recipient and queues no email for it', async () => {
    const before = kit.pokes();
    const registration = event('auth.user.registered.v1', {
      userId: randomUUID(),
      email: 'ada@example.test',
      displayName: 'Ada',
      locale: 'en',
    });

    await consumer.handle(registration);

    expect(await recipientOf(registration.data.userId)).toMatchObject({ email: 'ada@example.test', displayName: 'Ada', locale: 'en' });
    expect(await deliveriesOf(registration.id)).toEqual([]);
    expect(kit.pokes()).toBe(before);
  });

  it.each(emailEvents(randomUUID(), 'x@example.test').map(({ template }, index) => [template, index] as const))(
    'queues exactly one %s email, written for the recipient as comms knows them, and pokes the dispatcher',
    async (template, index) => {
      const { userId, email } = await registered();
      const sample = emailEvents(userId, email)[index]!;
      const before = kit.pokes();

      await consumer.handle(sample.event);

      const queued = await deliveriesOf(sample.event.id);
      expect(queued).toHaveLength(1);
      expect(queued[0]).toMatchObject({ template, toAddress: email, locale: 'de-AT', status: 'queued', attempts: 0 });
      expect(queued[0]!.textBody).toMatch(/^Hallo Jürgen,\n/);
      expect(queued[0]!.textBody).toContain(sample.link);
      expect(queued[0]!.htmlBody).toContain('Hallo Jürgen,');
      // Security emails cannot be turned off: no unsubscribe link, in the body or the headers.
      expect(queued[0]!.unsubscribeUrl).toBeNull();
      expect(queued[0]!.textBody).not.toContain('unsubscribe');
      expect(kit.pokes()).toBe(before + 1);
    },
  );

  it('queues nothing for an event it has applied before', async () => {
    const { userId, email } = await registered();
    for (const sample of emailEvents(userId, email)) {
      await consumer.handle(sample.event);
      const before = kit.pokes();

      await consumer.handle(sample.event);
      await Promise.all([consumer.handle(sample.event), consumer.handle(sample.event)]);

      expect(await deliveriesOf(sample.event.id)).toHaveLength(1);
      expect(kit.pokes()).toBe(before);
    }
  });

  it('still emails a user it never heard of, in English, greeting them by the start of their address', async () => {
    const userId = randomUUID();
    const reset = event('auth.password_reset.requested.v1', { userId, email: 'grace.hopper@example.test', token, expiresAt: at });

    await consumer.handle(reset);

    const [queued] = await deliveriesOf(reset.id);
    expect(queued).toMatchObject({ template: 'password-reset.v1', toAddress: 'grace.hopper@example.test', locale: 'en' });
    expect(queued!.subject).toBe('Reset your password');
    expect(queued!.textBody).toMatch(/^Hello grace\.hopper,\n/);
    expect(await recipientOf(userId)).toMatchObject({ email: 'grace.hopper@example.test', displayName: null, locale: null });
  });

  it('takes a newer address from a later event, and ignores the address of an older one', async () => {
    const { userId } = await registered('Ada', 'en');
    const signedIn = (email: string, time: string) =>
      event('auth.user.signed_in.v1', { userId, email, sessionId: randomUUID(), ip: '::1', userAgent: 'curl', at: time }, time);

    await consumer.handle(signedIn('new@example.test', '2099-01-02T00:00:00.000Z'));
    await consumer.handle(signedIn('old@example.test', '2099-01-01T00:00:00.000Z'));

    expect(await recipientOf(userId)).toMatchObject({
      email: 'new@example.test',
      displayName: 'Ada',
      locale: 'en',
      updatedAt: new Date('2099-01-02T00:00:00.000Z'),
    });
  });

  it('fills in the name and language when the registration arrives after a later event', async () => {
    const userId = randomUUID();
    const email = `late-${userId}@example.test`;
    await consumer.handle(event('auth.mfa.enabled.v1', { userId, email }, '2099-01-02T00:00:00.000Z'));

    await consumer.handle(
      event('auth.user.registered.v1', { userId, email, displayName: 'Lin', locale: 'de' }, '2099-01-01T00:00:00.000Z'),
    );
    const disabled = event('auth.mfa.disabled.v1', { userId, email }, '2099-01-03T00:00:00.000Z');
    await consumer.handle(disabled);

    expect(await recipientOf(userId)).toMatchObject({ email, displayName: 'Lin', locale: 'de' });
    const [queued] = await deliveriesOf(disabled.id);
    expect(queued!.textBody).toMatch(/^Hallo Lin,\n/);
    expect(queued!.textBody).toContain('3. Januar 2099 um 00:00 UTC');
  });

  it('ignores an event type it does not handle', async () => {
    const other = createEnvelope({
      type: 'auth.user.suspended.v1',
      source: 'auth',
      data: { userId: randomUUID(), email: 'a@example.test', by: randomUUID() },
    });

    await consumer.handle(other);

    expect(await recipientOf(other.data.userId)).toBeUndefined();
    expect(await deliveriesOf(other.id)).toEqual([]);
  });
});
