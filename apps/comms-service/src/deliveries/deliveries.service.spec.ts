import { randomUUID } from 'node:crypto';
import { migratedPglite, type TestDatabase } from '@msp/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationsFolder } from '../db/migrations-folder.js';
import { adminCaller, callerFor, commsConsumerKit, eventOf, FakeTransport, type CommsKit } from '../testing/comms-consumer-kit.js';

describe('DeliveriesService', () => {
  let database: TestDatabase;
  let kit: CommsKit;

  beforeAll(async () => {
    database = await migratedPglite('comms', migrationsFolder);
    kit = commsConsumerKit(database.db);
  });
  afterAll(() => database?.close());

  /** A task email to a new user, sent: what an administrator would resend. */
  async function sentTaskEmail() {
    const { userId } = await kit.registered();
    const event = eventOf('task.assigned.v1', {
      taskId: randomUUID(),
      projectId: randomUUID(),
      projectName: 'Website Relaunch',
      taskKey: 'WEB-1',
      title: 'Task',
      assigneeId: userId,
      assignedBy: randomUUID(),
      assignerName: 'Grace',
    });
    await kit.consumer.handle(event);
    const dispatcher = kit.dispatcher(new FakeTransport());
    dispatcher.start();
    await dispatcher.stop();
    return (await kit.deliveriesOf(event.id))[0]!;
  }

  describe('resend', () => {
    it('queues a new delivery with the same content and headers, names the original, and wakes the dispatcher', async () => {
      const original = await sentTaskEmail();
      const before = kit.pokes();

      const copy = await kit.deliveriesService.resend(adminCaller(), original.id);

      expect(copy).toMatchObject({
        toAddress: original.toAddress,
        template: original.template,
        status: 'queued',
        attempts: 0,
        lastError: null,
      });
      expect(copy.id).not.toBe(original.id);
      expect(await kit.deliveryById(copy.id)).toMatchObject({
        eventId: null,
        resentFrom: original.id,
        locale: original.locale,
        subject: original.subject,
        textBody: original.textBody,
        htmlBody: original.htmlBody,
        unsubscribeUrl: original.unsubscribeUrl,
      });
      expect(await kit.deliveryById(original.id)).toMatchObject({ status: 'sent', attempts: 1 });
      expect(kit.pokes()).toBe(before + 1);
    });

    it('sends the copy like any other delivery', async () => {
      const original = await sentTaskEmail();
      const copy = await kit.deliveriesService.resend(adminCaller(), original.id);
      const transport = new FakeTransport();

      const dispatcher = kit.dispatcher(transport);
      dispatcher.start();
      await dispatcher.stop();

      expect(await kit.deliveryById(copy.id)).toMatchObject({ status: 'sent', attempts: 1 });
      expect(transport.sent.map((mail) => mail.messageId)).toContain(`<${copy.id}@msp.localhost>`);
    });

    it.each([randomUUID(), 'not-a-uuid'])('answers DELIVERY_NOT_FOUND for an id not in the log (%s)', async (id) => {
      await expect(kit.deliveriesService.resend(adminCaller(), id)).rejects.toMatchObject({ code: 'DELIVERY_NOT_FOUND' });
    });

    it('is for platform administrators only', async () => {
      const original = await sentTaskEmail();

      await expect(kit.deliveriesService.resend(undefined, original.id)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
      await expect(kit.deliveriesService.resend(callerFor(randomUUID()), original.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    });
  });

  describe('list', () => {
    it('shows a resend in the log, newest first, for administrators only', async () => {
      const original = await sentTaskEmail();
      const copy = await kit.deliveriesService.resend(adminCaller(), original.id);

      const page = await kit.deliveriesService.list(adminCaller(), 2, '');

      expect(page.items.map((entry) => entry.id)).toEqual([copy.id, original.id]);
      await expect(kit.deliveriesService.list(callerFor(randomUUID()), 2, '')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    });
  });
});
