import { randomUUID } from 'node:crypto';
import { migratedPglite, type TestDatabase } from '@msp/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationsFolder } from '../db/migrations-folder.js';
import { commsConsumerKit, eventOf, type CommsKit } from '../testing/comms-consumer-kit.js';

describe('CommsEventsConsumer, on payment events', () => {
  let database: TestDatabase;
  let kit: CommsKit;

  beforeAll(async () => {
    database = await migratedPglite('comms', migrationsFolder);
    kit = commsConsumerKit(database.db);
  });
  afterAll(() => database?.close());

  const projectId = randomUUID();
  const payment = {
    paymentId: randomUUID(),
    projectId,
    projectName: 'Website Relaunch',
    plan: 'pro',
    amount: 2900,
    currency: 'eur',
  } as const;

  it('sends the payer a receipt in their language and notifies them in the app', async () => {
    const { userId, email } = await kit.registered({ locale: 'de' });
    const event = eventOf('payment.succeeded.v1', {
      ...payment,
      payerId: userId,
      receiptNumber: 'R-2026-000042',
      succeededAt: '2026-03-01T14:05:00.000Z',
    });

    await kit.consumer.handle(event);

    const [queued] = await kit.deliveriesOf(event.id);
    expect(queued).toMatchObject({ template: 'payment-receipt.v1', toAddress: email, locale: 'de' });
    expect(queued!.textBody).toContain('Belegnummer: R-2026-000042\nBezahlter Betrag: 29,00\u00a0€\nTarif: Pro');
    expect(queued!.textBody).toContain('Abrechnungs-E-Mails abbestellen: https://web.test/app/unsubscribe?token=');
    expect(queued!.unsubscribeUrl).toContain('https://api.test/api/v1/unsubscribe?token=');
    expect(await kit.notificationsOf(event.id)).toEqual([
      expect.objectContaining({
        userId,
        type: 'payment.succeeded',
        title: 'Zahlung für Website Relaunch erhalten',
        body: '29,00\u00a0€ für den Tarif Pro. Beleg R-2026-000042.',
        link: `/projects/${projectId}/billing`,
      }),
    ]);
  });

  it('tells the payer a payment failed, with the reason, by email and in the app', async () => {
    const { userId, email } = await kit.registered({ locale: 'en' });
    const event = eventOf('payment.failed.v1', { ...payment, payerId: userId, reason: 'Your card was declined.' });

    await kit.consumer.handle(event);

    const [queued] = await kit.deliveriesOf(event.id);
    expect(queued).toMatchObject({ template: 'payment-failed.v1', toAddress: email, subject: 'Your payment for Website Relaunch failed' });
    expect(queued!.textBody).toContain('Reason: Your card was declined.');
    expect((await kit.notificationsOf(event.id))[0]).toMatchObject({
      type: 'payment.failed',
      title: 'Payment for Website Relaunch failed',
      body: '€29.00 for the Pro plan could not be charged: Your card was declined.',
    });
  });

  it('follows the billing switch: a payer who turned billing emails off gets the receipt in the app only', async () => {
    const { userId } = await kit.registered();
    await kit.consumer.handle(eventOf('user.preferences.updated.v1', { userId, email: { security: true, billing: false, tasks: true } }));
    const event = eventOf('payment.succeeded.v1', {
      ...payment,
      payerId: userId,
      receiptNumber: 'R-1',
      succeededAt: new Date().toISOString(),
    });

    await kit.consumer.handle(event);

    expect(await kit.deliveriesOf(event.id)).toEqual([]);
    expect(await kit.notificationsOf(event.id)).toHaveLength(1);
  });
});
