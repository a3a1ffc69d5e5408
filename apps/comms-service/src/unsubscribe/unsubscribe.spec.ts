import { randomUUID } from 'node:crypto';
import { queryRows } from '@msp/platform';
import { migratedPglite, type TestDatabase } from '@msp/testing';
import { sql, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationsFolder } from '../db/migrations-folder.js';
import { commsConsumerKit, eventOf, memberInvited, taskAssigned, type CommsKit } from '../testing/comms-consumer-kit.js';
import { hashUnsubscribeToken } from './unsubscribe-token.js';

describe('unsubscribing with the link of an email', () => {
  let database: TestDatabase;
  let kit: CommsKit;

  beforeAll(async () => {
    database = await migratedPglite('comms', migrationsFolder);
    kit = commsConsumerKit(database.db);
  });
  afterAll(() => database?.close());

  const tokensWhere = async (condition: SQL) =>
    (await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from comms.unsubscribe_tokens where ${condition}`))[0]!.n;

  /** Queues a task email to a new user and returns the token its links carry. */
  async function taskEmailToNewUser() {
    const user = await kit.registered();
    const event = taskAssigned(user.userId);
    await kit.consumer.handle(event);
    const [delivery] = await kit.deliveriesOf(event.id);
    const token = /unsubscribe\?token=([\w-]+)/.exec(delivery!.textBody)![1]!;
    return { ...user, delivery: delivery!, token };
  }

  it('puts the same token in the body (web page) and the List-Unsubscribe address (API), in both parts', async () => {
    const { delivery, token } = await taskEmailToNewUser();

    expect(delivery.textBody).toContain(`https://web.test/app/unsubscribe?token=${token}`);
    expect(delivery.htmlBody).toContain(`href="https://web.test/app/unsubscribe?token=${token}"`);
    expect(delivery.unsubscribeUrl).toBe(`https://api.test/api/v1/unsubscribe?token=${token}`);
  });

  it('stores only a hash of the token', async () => {
    const { token } = await taskEmailToNewUser();

    expect(await tokensWhere(sql`token_hash = ${token}`)).toBe(0);
    expect(await tokensWhere(sql`token_hash = ${hashUnsubscribeToken(token)}`)).toBe(1);
  });

  it("turns the email's category off at once, tells the user service through the outbox, and answers category and address", async () => {
    const { userId, email, token } = await taskEmailToNewUser();

    expect(await kit.unsubscribes.unsubscribe(token)).toEqual({ category: 'tasks', email });

    const next = taskAssigned(userId);
    await kit.consumer.handle(next);
    expect(await kit.deliveriesOf(next.id)).toEqual([]);
    expect((await kit.recorded('comms.email.unsubscribed.v1', userId)).map((event) => event.data)).toEqual([{ userId, category: 'tasks' }]);
  });

  it('leaves security emails on', async () => {
    const { userId, email, token } = await taskEmailToNewUser();
    await kit.unsubscribes.unsubscribe(token);
    const reset = eventOf('auth.password_reset.requested.v1', {
      userId,
      email,
      token: 'tok_abcdefghijklmnopqrstuvwxyz',
      expiresAt: '2099-01-01T00:00:00Z',
    });

    await kit.consumer.handle(reset);

    expect(await kit.deliveriesOf(reset.id)).toHaveLength(1);
  });

  it('works again with the same answer (mail clients retry), publishing each use', async () => {
    const { userId, email, token } = await taskEmailToNewUser();

    await kit.unsubscribes.unsubscribe(token);
    expect(await kit.unsubscribes.unsubscribe(token)).toEqual({ category: 'tasks', email });

    expect(await kit.recorded('comms.email.unsubscribed.v1', userId)).toHaveLength(2);
  });

  it('is not undone by an older preferences event that arrives afterwards', async () => {
    const { userId, token } = await taskEmailToNewUser();
    const older = eventOf('user.preferences.updated.v1', { userId, email: { security: true, tasks: true } }, '2000-01-01T00:00:00.000Z');

    await kit.unsubscribes.unsubscribe(token);
    await kit.consumer.handle(older);

    const next = taskAssigned(userId);
    await kit.consumer.handle(next);
    expect(await kit.deliveriesOf(next.id)).toEqual([]);
  });

  it.each([
    ['an unknown token', 'x'.repeat(43)],
    ['an empty token', ''],
    ['an overlong token', 'x'.repeat(201)],
  ])('refuses %s with INVALID_TOKEN and changes nothing', async (_label, token) => {
    await expect(kit.unsubscribes.unsubscribe(token)).rejects.toMatchObject({ code: 'INVALID_TOKEN' });
  });

  it('refuses an expired token with INVALID_TOKEN and leaves the category on', async () => {
    const { userId, token } = await taskEmailToNewUser();
    await database.db.execute(
      sql`update comms.unsubscribe_tokens set expires_at = now() - interval '1 second' where token_hash = ${hashUnsubscribeToken(token)}`,
    );

    await expect(kit.unsubscribes.unsubscribe(token)).rejects.toMatchObject({ code: 'INVALID_TOKEN' });

    expect(await kit.preferences.isOn(userId, 'tasks')).toBe(true);
    expect(await kit.recorded('comms.email.unsubscribed.v1', userId)).toEqual([]);
  });

  it('puts no link in an invitation to an address without an account, and a projects link in one to an account', async () => {
    const stranger = memberInvited(`nobody-${randomUUID()}@example.test`);
    const { userId, email } = await kit.registered();
    const member = memberInvited(email);

    await kit.consumer.handle(stranger);
    await kit.consumer.handle(member);

    const [toStranger] = await kit.deliveriesOf(stranger.id);
    const [toMember] = await kit.deliveriesOf(member.id);
    expect(toStranger!.unsubscribeUrl).toBeNull();
    expect(toStranger!.textBody).not.toContain('unsubscribe');
    expect(toMember!.textBody).toContain('Unsubscribe from project emails: https://web.test/app/unsubscribe?token=');
    const token = /unsubscribe\?token=([\w-]+)/.exec(toMember!.textBody)![1]!;
    expect(await kit.unsubscribes.unsubscribe(token)).toEqual({ category: 'projects', email });
    expect(await kit.preferences.isOn(userId, 'projects')).toBe(false);
  });

  it("drops a user's expired tokens when it issues a new one", async () => {
    const { userId, token } = await taskEmailToNewUser();
    await database.db.execute(
      sql`update comms.unsubscribe_tokens set expires_at = now() - interval '1 second' where token_hash = ${hashUnsubscribeToken(token)}`,
    );

    await kit.consumer.handle(taskAssigned(userId));

    expect(await tokensWhere(sql`user_id = ${userId}`)).toBe(1);
  });
});
