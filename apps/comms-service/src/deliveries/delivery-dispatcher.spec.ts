import { randomUUID } from 'node:crypto';
import { migratedPglite, type TestDatabase } from '@msp/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationsFolder } from '../db/migrations-folder.js';
import { commsConsumerKit, FakeTransport, smtpError, testCommsSettings, type CommsKit } from '../testing/comms-consumer-kit.js';
import type { NewDelivery } from './deliveries.repository.js';

describe('DeliveryDispatcher', () => {
  let database: TestDatabase;
  let kit: CommsKit;

  beforeAll(async () => {
    database = await migratedPglite('comms', migrationsFolder);
    kit = commsConsumerKit(database.db);
  });
  afterAll(() => database?.close());

  /** Queues a delivery due now, as if its event's email had just been queued. */
  async function queued(overrides: Partial<NewDelivery> = {}, attempts = 0) {
    const id = randomUUID();
    await kit.deliveries.insert({
      id,
      eventId: randomUUID(),
      toAddress: `to-${id}@example.test`,
      template: 'task-assigned.v1',
      locale: 'en',
      subject: 'Subject',
      textBody: 'text body',
      htmlBody: '<p>html body</p>',
      ...overrides,
    });
    if (attempts > 0) await kit.deliveries.markRetry(id, attempts, 'earlier failure', new Date(Date.now() - 1));
    return (await kit.deliveryById(id))!;
  }

  /** One pass of a real dispatcher: `start` runs a pass at once, `stop` lets it finish and ends the loop. */
  async function dispatchOnce(transport: FakeTransport) {
    const dispatcher = kit.dispatcher(transport);
    dispatcher.start();
    await dispatcher.stop();
  }

  it('sends a due delivery with a stable message id, marks it sent and closes the transport on stop', async () => {
    const transport = new FakeTransport();
    const due = await queued();

    await dispatchOnce(transport);

    expect(transport.sent.filter((mail) => mail.to === due.toAddress)).toEqual([
      {
        from: testCommsSettings.mailFrom,
        to: due.toAddress,
        subject: due.subject,
        text: due.textBody,
        html: due.htmlBody,
        messageId: `<${due.id}@msp.localhost>`,
        unsubscribeUrl: undefined,
      },
    ]);
    expect(await kit.deliveryById(due.id)).toMatchObject({ status: 'sent', attempts: 1, lastError: null, sentAt: expect.any(Date) });
    expect(transport.closed).toBe(true);
  });

  it("hands the delivery's one-click unsubscribe address to the transport", async () => {
    const transport = new FakeTransport();
    const due = await queued({ unsubscribeUrl: 'https://api.test/api/v1/unsubscribe?token=abc' });

    await dispatchOnce(transport);

    expect(transport.sent.find((mail) => mail.to === due.toAddress)?.unsubscribeUrl).toBe('https://api.test/api/v1/unsubscribe?token=abc');
  });

  it.each([
    ['an SMTP 4xx reply', smtpError(451, '451 4.3.0 try again later', 'RCPT TO')],
    ['a connection failure', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1025'), { code: 'ECONNREFUSED' })],
    ['a refused SMTP login (our configuration)', Object.assign(smtpError(535, '535 5.7.8 authentication failed'), { code: 'EAUTH' })],
  ])('defers the delivery after %s, to a later attempt with backoff', async (_label, failure) => {
    const due = await queued({}, 1);
    const before = Date.now();

    await dispatchOnce(new FakeTransport(failure));

    const row = await kit.deliveryById(due.id);
    expect(row).toMatchObject({ status: 'queued', attempts: 2, lastError: failure.message });
    // Second attempt failed: between half and all of 10 s (5 s doubled once).
    expect(row!.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(before + 5_000);
    expect(row!.nextAttemptAt.getTime()).toBeLessThanOrEqual(Date.now() + 10_000);
  });

  it('fails the delivery at once after a 5xx reply that is not about the recipient, and suppresses nothing', async () => {
    const due = await queued();

    await dispatchOnce(new FakeTransport(smtpError(554, '554 5.7.1 message rejected as spam', 'DATA')));

    expect(await kit.deliveryById(due.id)).toMatchObject({
      status: 'failed',
      attempts: 1,
      lastError: '554 5.7.1 message rejected as spam',
    });
    expect(await kit.suppressions.find(due.toAddress)).toBeUndefined();
  });

  it('fails the delivery when its last allowed attempt fails, even transiently', async () => {
    const due = await queued({}, testCommsSettings.maxAttempts - 1);

    await dispatchOnce(new FakeTransport(smtpError(421, '421 service not available')));

    expect(await kit.deliveryById(due.id)).toMatchObject({
      status: 'failed',
      attempts: testCommsSettings.maxAttempts,
      lastError: '421 service not available',
    });
  });

  it('keeps the recorded error short', async () => {
    const due = await queued();

    await dispatchOnce(new FakeTransport(smtpError(451, `451 ${'x'.repeat(2_000)}`)));

    expect((await kit.deliveryById(due.id))!.lastError).toHaveLength(500);
  });

  it('keeps recording a sent email while the database is briefly away, so it is not sent twice', async () => {
    const transport = new FakeTransport();
    const due = await queued();
    const markSent = kit.deliveries.markSent.bind(kit.deliveries);
    let failures = 0;
    kit.deliveries.markSent = async (id, attempts) => {
      if (id === due.id && failures < 3) {
        failures++;
        throw new Error('Connection terminated unexpectedly');
      }
      return markSent(id, attempts);
    };
    try {
      await dispatchOnce(transport);
    } finally {
      kit.deliveries.markSent = markSent;
    }

    expect(failures).toBe(3);
    expect(transport.sent.filter((mail) => mail.to === due.toAddress)).toHaveLength(1);
    expect(await kit.deliveryById(due.id)).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('handles each delivery of a batch on its own', async () => {
    const [first, second] = [await queued(), await queued()];

    await dispatchOnce(new FakeTransport());

    expect((await kit.deliveryById(first!.id))!.status).toBe('sent');
    expect((await kit.deliveryById(second!.id))!.status).toBe('sent');
  });
});
