import { randomUUID } from 'node:crypto';
import { migratedPglite, type TestDatabase } from '@msp/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationsFolder } from '../db/migrations-folder.js';
import { callerFor, commsConsumerKit, eventOf, memberInvited, taskAssigned, type CommsKit } from '../testing/comms-consumer-kit.js';
import { EXPORT_LIST_LIMIT } from './user-data.service.js';

describe('UserDataService: the comms part of a data export', () => {
  let database: TestDatabase;
  let kit: CommsKit;

  beforeAll(async () => {
    database = await migratedPglite('comms', migrationsFolder);
    kit = commsConsumerKit(database.db);
  });
  afterAll(() => database?.close());

  /** The export as the gateway receives it: through JSON. */
  const exported = async (userId: string) =>
    JSON.parse(JSON.stringify(await kit.userData.export(callerFor(userId)))) as Record<string, any>;

  it('refuses a call without a caller', async () => {
    await expect(kit.userData.export(undefined)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it("holds the caller's recipient facts, email switches, notifications and emails, and nobody else's", async () => {
    const email = `Ada.${randomUUID()}@example.test`;
    const invitation = memberInvited(email.toLowerCase());
    await kit.consumer.handle(invitation);
    const { userId } = await kit.registered({ email, displayName: 'Ada', locale: 'de' });
    await kit.consumer.handle(eventOf('user.preferences.updated.v1', { userId, email: { security: true, product: false } }));
    const assignment = taskAssigned(userId);
    await kit.consumer.handle(assignment);
    const other = await kit.registered();
    await kit.consumer.handle(taskAssigned(other.userId));
    await kit.consumer.handle(memberInvited(`someone-${randomUUID()}@example.test`));

    const data = await exported(userId);

    expect(data.emailRecipient).toEqual({ email, displayName: 'Ada', locale: 'de', updatedAt: expect.any(String) });
    expect(data.emailPreferences).toEqual({ email: { security: true, product: false }, updatedAt: expect.any(String) });
    expect(data.notifications).toEqual({
      truncated: false,
      items: [
        {
          id: expect.any(String),
          type: 'task.assigned',
          title: expect.stringContaining('WEB-1'),
          body: expect.any(String),
          link: expect.stringContaining('/tasks/WEB-1'),
          readAt: null,
          createdAt: expect.any(String),
        },
      ],
    });
    const [assignmentEmail] = await kit.deliveriesOf(assignment.id);
    const [invitationEmail] = await kit.deliveriesOf(invitation.id);
    expect(data.emailDeliveries.truncated).toBe(false);
    // Newest first; the invitation went to their address before they had an account.
    expect(data.emailDeliveries.items.map((item: { id: string }) => item.id)).toEqual([assignmentEmail!.id, invitationEmail!.id]);
    expect(data.emailDeliveries.items[0]).toEqual({
      id: assignmentEmail!.id,
      toAddress: email,
      template: 'task-assigned.v1',
      locale: 'de',
      subject: assignmentEmail!.subject,
      status: 'queued',
      attempts: 0,
      lastError: null,
      createdAt: assignmentEmail!.createdAt.toISOString(),
      sentAt: null,
    });
    // The bodies carry one-time tokens (unsubscribe, sign-in links): they stay out of the export.
    expect(JSON.stringify(data)).not.toContain('token=');
  });

  it('holds nothing for a user comms never heard of', async () => {
    expect(await exported(randomUUID())).toEqual({
      emailRecipient: null,
      emailPreferences: null,
      notifications: { items: [], truncated: false },
      emailDeliveries: { items: [], truncated: false },
    });
  });

  it(`holds the newest ${EXPORT_LIST_LIMIT} notifications and emails, and says when there are more`, async () => {
    const { userId, email } = await kit.registered();
    const count = EXPORT_LIST_LIMIT + 1;
    // Second by second, so the oldest of each is known.
    await database.db.execute(sql`
      insert into comms.notifications (id, user_id, event_id, type, title, body, created_at)
      select gen_random_uuid(), ${userId}, gen_random_uuid(), 'task.assigned', 'title ' || n, 'body', timestamptz '2099-01-01' + n * interval '1 second'
      from generate_series(1, ${count}) as n`);
    await database.db.execute(sql`
      insert into comms.email_deliveries (id, event_id, user_id, to_address, template, locale, subject, text_body, html_body, status, created_at)
      select gen_random_uuid(), gen_random_uuid(), ${userId}, ${email}, 'task-assigned.v1', 'en', 'subject ' || n, 'text', 'html', 'sent',
             timestamptz '2099-01-01' + n * interval '1 second'
      from generate_series(1, ${count}) as n`);

    const data = await exported(userId);

    expect(data.notifications.truncated).toBe(true);
    expect(data.notifications.items).toHaveLength(EXPORT_LIST_LIMIT);
    expect(data.notifications.items[0].title).toBe(`title ${count}`);
    expect(data.notifications.items.at(-1).title).toBe('title 2');
    expect(data.emailDeliveries.truncated).toBe(true);
    expect(data.emailDeliveries.items).toHaveLength(EXPORT_LIST_LIMIT);
    expect(data.emailDeliveries.items[0].subject).toBe(`subject ${count}`);
    expect(data.emailDeliveries.items.at(-1).subject).toBe('subject 2');
  });

  it('holds only anonymised emails once the account is deleted', async () => {
    const { userId, email } = await kit.registered();
    const assignment = taskAssigned(userId);
    await kit.consumer.handle(assignment);
    await kit.consumer.handle(eventOf('auth.user.deleted.v1', { userId, email }));

    const data = await exported(userId);

    expect(data).toMatchObject({ emailRecipient: null, emailPreferences: null, notifications: { items: [], truncated: false } });
    expect(data.emailDeliveries.items).toEqual([
      expect.objectContaining({
        toAddress: `deleted-${userId}@deleted.invalid`,
        subject: '',
        status: 'failed',
        lastError: 'account deleted',
      }),
    ]);
  });
});
