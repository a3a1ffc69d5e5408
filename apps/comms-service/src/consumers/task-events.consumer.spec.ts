import { randomUUID } from 'node:crypto';
import type { EventData } from '@msp/events';
import { migratedPglite, type TestDatabase } from '@msp/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationsFolder } from '../db/migrations-folder.js';
import { commsConsumerKit, eventOf, type CommsKit } from '../testing/comms-consumer-kit.js';

describe('CommsEventsConsumer, on task events', () => {
  let database: TestDatabase;
  let kit: CommsKit;

  beforeAll(async () => {
    database = await migratedPglite('comms', migrationsFolder);
    kit = commsConsumerKit(database.db);
  });
  afterAll(() => database?.close());

  const projectId = randomUUID();
  const assigned = (data: Partial<EventData<'task.assigned.v1'>> & { assigneeId: string }) =>
    eventOf('task.assigned.v1', {
      taskId: randomUUID(),
      projectId,
      projectName: 'Website Relaunch',
      taskKey: 'WEB-42',
      title: 'Fix the login page',
      assignedBy: randomUUID(),
      assignerName: 'Grace Hopper',
      ...data,
    });
  const commented = (data: { assigneeId: string | null; authorId: string }) =>
    eventOf('task.commented.v1', {
      commentId: randomUUID(),
      taskId: randomUUID(),
      projectId,
      taskKey: 'WEB-7',
      title: 'Write the launch post',
      ...data,
    });

  describe('task.assigned.v1', () => {
    it('emails the assignee in their language, with an unsubscribe link, and notifies them in the app', async () => {
      const { userId, email } = await kit.registered({ displayName: 'Jürgen', locale: 'de-AT' });
      const event = assigned({ assigneeId: userId });
      const before = kit.pokes();

      await kit.consumer.handle(event);

      const [queued] = await kit.deliveriesOf(event.id);
      expect(queued).toMatchObject({ template: 'task-assigned.v1', toAddress: email, locale: 'de-AT', status: 'queued' });
      expect(queued!.subject).toBe('Dir wurde WEB-42: Fix the login page zugewiesen');
      expect(queued!.textBody).toMatch(/^Hallo Jürgen,\n/);
      expect(queued!.textBody).toContain(`https://web.test/app/projects/${projectId}/tasks/WEB-42`);
      expect(queued!.textBody).toMatch(/Aufgaben-E-Mails abbestellen: https:\/\/web\.test\/app\/unsubscribe\?token=[\w-]{43}\n$/);
      expect(queued!.unsubscribeUrl).toMatch(/^https:\/\/api\.test\/api\/v1\/unsubscribe\?token=[\w-]{43}$/);
      expect(kit.pokes()).toBe(before + 1);
      expect(await kit.notificationsOf(event.id)).toEqual([
        expect.objectContaining({
          userId,
          type: 'task.assigned',
          title: 'Grace Hopper hat dir WEB-42: Fix the login page zugewiesen',
          body: 'Website Relaunch',
          link: `/projects/${projectId}/tasks/WEB-42`,
          readAt: null,
        }),
      ]);
    });

    it('tells nobody when someone assigns a task to themselves', async () => {
      const { userId } = await kit.registered();
      const event = assigned({ assigneeId: userId, assignedBy: userId });

      await kit.consumer.handle(event);

      expect(await kit.deliveriesOf(event.id)).toEqual([]);
      expect(await kit.notificationsOf(event.id)).toEqual([]);
    });

    it('still notifies in the app, in English, an assignee comms has no address for yet', async () => {
      const assigneeId = randomUUID();
      const event = assigned({ assigneeId });

      await kit.consumer.handle(event);

      expect(await kit.deliveriesOf(event.id)).toEqual([]);
      expect(await kit.notificationsOf(event.id)).toEqual([
        expect.objectContaining({ userId: assigneeId, title: 'Grace Hopper assigned you WEB-42: Fix the login page' }),
      ]);
    });

    it('applies a redelivered assignment once', async () => {
      const { userId } = await kit.registered();
      const event = assigned({ assigneeId: userId });

      await kit.consumer.handle(event);
      await Promise.all([kit.consumer.handle(event), kit.consumer.handle(event)]);

      expect(await kit.deliveriesOf(event.id)).toHaveLength(1);
      expect(await kit.notificationsOf(event.id)).toHaveLength(1);
    });
  });

  describe('task.commented.v1', () => {
    it("notifies the task's assignee in the app, naming the author as comms knows them, and sends no email", async () => {
      const assignee = await kit.registered({ locale: 'en' });
      const author = await kit.registered({ displayName: 'Lin' });
      const event = commented({ assigneeId: assignee.userId, authorId: author.userId });

      await kit.consumer.handle(event);

      expect(await kit.deliveriesOf(event.id)).toEqual([]);
      expect(await kit.notificationsOf(event.id)).toEqual([
        expect.objectContaining({
          userId: assignee.userId,
          type: 'task.commented',
          title: 'Lin commented on WEB-7',
          body: 'Write the launch post',
          link: `/projects/${projectId}/tasks/WEB-7`,
        }),
      ]);
    });

    it('notifies nobody on an unassigned task or when the assignee comments on their own task', async () => {
      const { userId } = await kit.registered();
      const unassigned = commented({ assigneeId: null, authorId: userId });
      const own = commented({ assigneeId: userId, authorId: userId });

      await kit.consumer.handle(unassigned);
      await kit.consumer.handle(own);

      expect(await kit.notificationsOf(unassigned.id)).toEqual([]);
      expect(await kit.notificationsOf(own.id)).toEqual([]);
    });

    it('does without the author when comms has not heard of them', async () => {
      const assignee = await kit.registered({ locale: 'de' });
      const event = commented({ assigneeId: assignee.userId, authorId: randomUUID() });

      await kit.consumer.handle(event);

      expect((await kit.notificationsOf(event.id))[0]).toMatchObject({ title: 'Neuer Kommentar zu WEB-7' });
    });
  });
});
