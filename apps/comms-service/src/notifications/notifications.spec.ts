import { randomUUID } from 'node:crypto';
import { migratedPglite, type TestDatabase } from '@msp/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationsFolder } from '../db/migrations-folder.js';
import { callerFor, commsConsumerKit, eventOf, type CommsKit } from '../testing/comms-consumer-kit.js';

describe('NotificationsService', () => {
  let database: TestDatabase;
  let kit: CommsKit;

  beforeAll(async () => {
    database = await migratedPglite('comms', migrationsFolder);
    kit = commsConsumerKit(database.db);
  });
  afterAll(() => database?.close());

  /** Notifies the user `count` times (one task assignment each), oldest first; returns the event ids. */
  async function notify(userId: string, count: number): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const event = eventOf('task.assigned.v1', {
        taskId: randomUUID(),
        projectId: randomUUID(),
        projectName: 'Website Relaunch',
        taskKey: `WEB-${i + 1}`,
        title: `Task ${i + 1}`,
        assigneeId: userId,
        assignedBy: randomUUID(),
        assignerName: 'Grace',
      });
      await kit.consumer.handle(event);
      ids.push((await kit.notificationsOf(event.id))[0]!.id);
    }
    return ids;
  }

  const list = (userId: string, request: Partial<{ limit: number; cursor: string; unreadOnly: boolean }> = {}) =>
    kit.notifications.list(callerFor(userId), { limit: 0, cursor: '', unreadOnly: false, ...request });

  it("lists only the caller's notifications, newest first, with the unread count", async () => {
    const { userId } = await kit.registered();
    const mine = await notify(userId, 3);
    await notify((await kit.registered()).userId, 2);

    const page = await list(userId);

    expect(page.items.map((item) => item.id)).toEqual([...mine].reverse());
    expect(page.items[0]).toMatchObject({ type: 'task.assigned', title: 'Grace assigned you WEB-3: Task 3', readAt: null });
    expect(page).toMatchObject({ nextCursor: '', unreadCount: 3 });
  });

  it('pages with a cursor without skipping or repeating, even within one millisecond', async () => {
    const { userId } = await kit.registered();
    const ids = await notify(userId, 5);
    // Two notifications in the same millisecond: the id breaks the tie.
    await database.db.execute(
      sql`update comms.notifications set created_at = '2099-01-01T00:00:00.000Z' where id in (${ids[1]}, ${ids[2]})`,
    );

    const seen: string[] = [];
    let cursor = '';
    for (let pages = 0; pages < 10; pages++) {
      const page = await list(userId, { limit: 2, cursor });
      expect(page.items.length).toBeLessThanOrEqual(2);
      expect(page.unreadCount).toBe(5);
      seen.push(...page.items.map((item) => item.id));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }

    expect(seen).toHaveLength(5);
    expect(new Set(seen)).toEqual(new Set(ids));
  });

  it('marks a notification read once, keeps the first time, and lists unread ones only on request', async () => {
    const { userId } = await kit.registered();
    const [first, second] = await notify(userId, 2);

    await kit.notifications.markRead(callerFor(userId), first!);
    const readAt = (await list(userId)).items.find((item) => item.id === first)!.readAt;
    await kit.notifications.markRead(callerFor(userId), first!);

    const all = await list(userId);
    expect(all.items.find((item) => item.id === first)!.readAt).toEqual(readAt);
    expect(readAt).toBeInstanceOf(Date);
    expect(all.unreadCount).toBe(1);
    expect((await list(userId, { unreadOnly: true })).items.map((item) => item.id)).toEqual([second]);
  });

  it("answers NOTIFICATION_NOT_FOUND for someone else's notification and leaves it unread", async () => {
    const owner = await kit.registered();
    const [theirs] = await notify(owner.userId, 1);
    const intruder = await kit.registered();

    await expect(kit.notifications.markRead(callerFor(intruder.userId), theirs!)).rejects.toMatchObject({ code: 'NOTIFICATION_NOT_FOUND' });

    expect((await list(owner.userId)).unreadCount).toBe(1);
    expect((await list(intruder.userId)).items).toEqual([]);
  });

  it.each([randomUUID(), 'not-a-uuid', ''])('answers NOTIFICATION_NOT_FOUND for an id that names nothing (%s)', async (id) => {
    await expect(kit.notifications.markRead(callerFor(randomUUID()), id)).rejects.toMatchObject({ code: 'NOTIFICATION_NOT_FOUND' });
  });

  it('needs a signed-in caller and a valid cursor', async () => {
    await expect(kit.notifications.list(undefined, { limit: 0, cursor: '', unreadOnly: false })).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
    await expect(kit.notifications.markRead(undefined, randomUUID())).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(list(randomUUID(), { cursor: 'garbage' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('notifies a user of a new sign-in, in their language', async () => {
    const { userId, email } = await kit.registered({ locale: 'de' });
    const event = eventOf('auth.user.signed_in.v1', {
      userId,
      email,
      sessionId: randomUUID(),
      ip: '203.0.113.7',
      userAgent: 'Firefox',
      at: new Date().toISOString(),
    });

    await kit.consumer.handle(event);

    expect((await kit.notificationsOf(event.id))[0]).toMatchObject({
      userId,
      type: 'security.signed_in',
      title: 'Neue Anmeldung bei deinem Konto',
      body: 'Von 203.0.113.7 (Firefox). Wenn du das nicht warst, setze jetzt dein Passwort zurück.',
      link: '/forgot-password',
    });
  });

  it('notifies the account at an invited address, with the invitation link; an address without one gets only the email', async () => {
    const { userId, email } = await kit.registered();
    const invitation = (to: string) =>
      eventOf('project.member.invited.v1', {
        invitationId: randomUUID(),
        projectId: randomUUID(),
        projectName: 'Website Relaunch',
        projectKey: 'WEB',
        email: to,
        role: 'viewer',
        invitedBy: randomUUID(),
        inviterName: 'Grace',
        token: 'inv_abcdefghijklmnopqrstuvwxyz0123',
        expiresAt: '2099-01-01T00:00:00.000Z',
      });
    const toAccount = invitation(email);
    const toStranger = invitation(`nobody-${randomUUID()}@example.test`);

    await kit.consumer.handle(toAccount);
    await kit.consumer.handle(toStranger);

    expect(await kit.notificationsOf(toAccount.id)).toEqual([
      expect.objectContaining({
        userId,
        type: 'project.invited',
        title: 'Grace invited you to Website Relaunch (WEB)',
        body: 'Join as a viewer: open the invitation to accept it.',
        link: '/invitations/accept?token=inv_abcdefghijklmnopqrstuvwxyz0123',
      }),
    ]);
    expect(await kit.notificationsOf(toStranger.id)).toEqual([]);
  });
});
