import { randomUUID } from 'node:crypto';
import { queryRows } from '@msp/platform';
import { migratedPglite, type TestDatabase } from '@msp/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationsFolder } from '../db/migrations-folder.js';
import {
  adminCaller,
  commsConsumerKit,
  eventOf,
  FakeTransport,
  memberInvited,
  smtpError,
  taskAssigned,
  type CommsKit,
} from '../testing/comms-consumer-kit.js';

const at = (day: number) => `2099-01-${String(day).padStart(2, '0')}T00:00:00.000Z`;

describe('CommsEventsConsumer, on auth.user.deleted.v1', () => {
  let database: TestDatabase;
  let kit: CommsKit;

  beforeAll(async () => {
    database = await migratedPglite('comms', migrationsFolder);
    kit = commsConsumerKit(database.db);
  });
  afterAll(() => database?.close());

  const deleted = (userId: string, email: string, time?: string) => eventOf('auth.user.deleted.v1', { userId, email }, time);
  const signedIn = (userId: string, email: string) =>
    eventOf('auth.user.signed_in.v1', { userId, email, sessionId: randomUUID(), ip: '203.0.113.7', userAgent: 'Firefox', at: at(1) });
  const passwordReset = (userId: string, email: string, time?: string) =>
    eventOf('auth.password_reset.requested.v1', { userId, email, token: 'tok_abcdefghijklmnopqrstuvwxyz', expiresAt: at(9) }, time);
  const preferences = (userId: string, time?: string) =>
    eventOf('user.preferences.updated.v1', { userId, email: { security: true, tasks: true, product: false } }, time);

  async function dispatchOnce(transport = new FakeTransport()) {
    const dispatcher = kit.dispatcher(transport);
    dispatcher.start();
    await dispatcher.stop();
    return transport;
  }

  const tokensOf = async (userId: string) =>
    (
      await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from comms.unsubscribe_tokens where user_id = ${userId}`)
    )[0]!.n;

  /** A user with a notification, an unsubscribe link and email switches, as after a few events. */
  async function activeUser() {
    const user = await kit.registered({ displayName: 'Ada', locale: 'de' });
    await kit.consumer.handle(preferences(user.userId));
    const assignment = taskAssigned(user.userId);
    await kit.consumer.handle(assignment);
    const [email] = await kit.deliveriesOf(assignment.id);
    const token = /unsubscribe\?token=([\w-]+)/.exec(email!.textBody)![1]!;
    return { ...user, assignment, token };
  }

  it('removes their notifications, unsubscribe links and email switches, and keeps only a tombstone of the recipient', async () => {
    const user = await activeUser();
    const other = await activeUser();
    const deletion = deleted(user.userId, user.email, at(5));

    await kit.consumer.handle(deletion);

    expect(await kit.notificationsOfUser(user.userId)).toEqual([]);
    expect(await tokensOf(user.userId)).toBe(0);
    expect(await kit.preferences.find(user.userId)).toBeUndefined();
    expect(await kit.recipientOf(user.userId)).toEqual({
      userId: user.userId,
      email: null,
      displayName: null,
      locale: null,
      updatedAt: expect.any(Date),
      deletedAt: new Date(at(5)),
    });
    expect(await kit.recipients.findById(user.userId)).toBeUndefined();
    // Nobody else loses anything.
    expect(await kit.notificationsOfUser(other.userId)).toHaveLength(1);
    expect(await tokensOf(other.userId)).toBe(1);
    expect(await kit.preferences.find(other.userId)).toBeDefined();
    expect(await kit.recipientOf(other.userId)).toMatchObject({ email: other.email, displayName: 'Ada', deletedAt: null });
  });

  it("anonymises the user's deliveries, keeping what happened to them, and cancels those still queued", async () => {
    const email = `Ada.${randomUUID()}@Example.test`;
    // Invited before the account existed: logged without an account, found by its address in any case.
    const invitation = memberInvited(email.toLowerCase());
    await kit.consumer.handle(invitation);
    const { userId } = await kit.registered({ email });
    const assignment = taskAssigned(userId);
    await kit.consumer.handle(assignment);
    await dispatchOnce();
    const refused = signedIn(userId, email);
    await kit.consumer.handle(refused);
    await dispatchOnce(new FakeTransport(smtpError(554, `554 5.7.1 <${email.toLowerCase()}>: message refused`, 'DATA')));
    const queued = passwordReset(userId, email);
    await kit.consumer.handle(queued);
    const other = await kit.registered();
    const othersEmail = passwordReset(other.userId, other.email);
    await kit.consumer.handle(othersEmail);

    await kit.consumer.handle(deleted(userId, email));

    const anonymous = `deleted-${userId}@deleted.invalid`;
    const blank = { toAddress: anonymous, subject: '', textBody: '', htmlBody: '', unsubscribeUrl: null };
    expect(await kit.deliveriesOf(invitation.id)).toEqual([expect.objectContaining({ ...blank, status: 'sent', userId: null })]);
    expect(await kit.deliveriesOf(assignment.id)).toEqual([
      expect.objectContaining({ ...blank, status: 'sent', userId, template: 'task-assigned.v1', sentAt: expect.any(Date) }),
    ]);
    expect(await kit.deliveriesOf(refused.id)).toEqual([
      expect.objectContaining({ ...blank, status: 'failed', lastError: `554 5.7.1 <${anonymous}>: message refused` }),
    ]);
    expect(await kit.deliveriesOf(queued.id)).toEqual([
      expect.objectContaining({ ...blank, status: 'failed', lastError: 'account deleted', attempts: 0 }),
    ]);
    expect(await kit.deliveriesOf(othersEmail.id)).toEqual([
      expect.objectContaining({ toAddress: other.email, status: 'queued', userId: other.userId }),
    ]);

    const transport = await dispatchOnce();
    expect(transport.sent.map((mail) => mail.to)).toEqual([other.email]);
  });

  it('applies an event once, and a second deletion keeps the time of the first', async () => {
    const user = await activeUser();
    const deletion = deleted(user.userId, user.email, at(5));

    await kit.consumer.handle(deletion);
    await Promise.all([kit.consumer.handle(deletion), kit.consumer.handle(deletion)]);
    await kit.consumer.handle(deleted(user.userId, user.email, at(6)));

    expect(await kit.recipientOf(user.userId)).toMatchObject({ email: null, deletedAt: new Date(at(5)) });
    expect(await kit.deliveriesOf(user.assignment.id)).toEqual([
      expect.objectContaining({ toAddress: `deleted-${user.userId}@deleted.invalid`, status: 'failed', lastError: 'account deleted' }),
    ]);
  });

  it('lets no later event bring the user back, whether it is older or newer than the deletion', async () => {
    const user = await activeUser();
    await kit.consumer.handle(deleted(user.userId, user.email, at(5)));
    // What the user service publishes after anonymising the profile, and events still on their way.
    const anonymisedProfile = eventOf(
      'user.profile.updated.v1',
      {
        userId: user.userId,
        email: `deleted-${user.userId}@deleted.invalid`,
        displayName: 'Deleted user',
        locale: 'en',
        timezone: 'UTC',
        avatarUrl: null,
      },
      at(6),
    );
    const replayedRegistration = eventOf(
      'auth.user.registered.v1',
      { userId: user.userId, email: user.email, displayName: 'Ada', locale: 'de' },
      at(1),
    );
    const assignment = taskAssigned(user.userId);
    const reset = passwordReset(user.userId, user.email, at(4));
    const payment = eventOf('payment.failed.v1', {
      paymentId: randomUUID(),
      projectId: randomUUID(),
      projectName: 'Website Relaunch',
      plan: 'pro',
      amount: 2900,
      currency: 'eur',
      payerId: user.userId,
      reason: 'card_declined',
    });

    for (const event of [
      anonymisedProfile,
      replayedRegistration,
      preferences(user.userId, at(7)),
      eventOf('auth.email.verified.v1', { userId: user.userId, email: user.email }, at(4)),
      assignment,
      reset,
      payment,
    ]) {
      await kit.consumer.handle(event);
    }

    expect(await kit.recipientOf(user.userId)).toMatchObject({ email: null, displayName: null, locale: null });
    expect(await kit.preferences.find(user.userId)).toBeUndefined();
    expect(await kit.notificationsOfUser(user.userId)).toEqual([]);
    expect(await kit.deliveriesOf(assignment.id)).toEqual([]);
    expect(await kit.deliveriesOf(reset.id)).toEqual([]);
    expect(await kit.deliveriesOf(payment.id)).toEqual([]);
    expect(await tokensOf(user.userId)).toBe(0);
  });

  it('keeps out a user whose deletion arrives before anything else about them', async () => {
    const userId = randomUUID();
    const email = `early-${userId}@example.test`;

    await kit.consumer.handle(deleted(userId, email, at(5)));
    await kit.consumer.handle(eventOf('auth.user.registered.v1', { userId, email, displayName: 'Lin', locale: 'en' }, at(1)));

    expect(await kit.recipientOf(userId)).toMatchObject({ email: null, displayName: null, deletedAt: new Date(at(5)) });
  });

  it('still invites their former address, as an address without an account', async () => {
    const user = await activeUser();
    await kit.consumer.handle(deleted(user.userId, user.email));
    const invitation = memberInvited(user.email);

    await kit.consumer.handle(invitation);

    const [delivery] = await kit.deliveriesOf(invitation.id);
    expect(delivery).toMatchObject({ toAddress: user.email, userId: null, locale: 'en', unsubscribeUrl: null, status: 'queued' });
  });

  it('stops their unsubscribe links working and leaves an administrator nothing to resend', async () => {
    const user = await activeUser();
    const [email] = await kit.deliveriesOf(user.assignment.id);
    await kit.consumer.handle(deleted(user.userId, user.email));

    await expect(kit.unsubscribes.unsubscribe(user.token)).rejects.toMatchObject({ code: 'INVALID_TOKEN' });
    await expect(kit.deliveriesService.resend(adminCaller(), email!.id)).rejects.toMatchObject({ code: 'DELIVERY_NOT_FOUND' });
  });
});
