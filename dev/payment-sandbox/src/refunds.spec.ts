import Stripe from 'stripe';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startPaymentSandbox, startWebhookReceiver, type PaymentSandbox, type WebhookReceiver } from './index.js';

let sandbox: PaymentSandbox;
let receiver: WebhookReceiver;
let stripe: Stripe;

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  sandbox = await startPaymentSandbox({ port: 0, webhookUrl: receiver.url });
  stripe = new Stripe('sk_test_refunds_spec', { ...sandbox.stripeConfig, maxNetworkRetries: 0 });
});

afterAll(async () => {
  await sandbox?.close();
  await receiver?.close();
});

beforeEach(() => {
  sandbox.reset();
  receiver.clear();
});

const paid = (amount: number) => stripe.paymentIntents.create({ amount, currency: 'usd', payment_method: 'pm_card_visa', confirm: true });

describe('refunds', () => {
  it('refunds in parts, never beyond the charge, with a charge.refunded webhook each time', async () => {
    const intent = await paid(1000);
    const first = await stripe.refunds.create(
      { payment_intent: intent.id, amount: 300, metadata: { refund_id: 'r-1' } },
      { idempotencyKey: 'refund-r-1' },
    );
    expect(first).toMatchObject({
      object: 'refund',
      status: 'succeeded',
      amount: 300,
      currency: 'usd',
      payment_intent: intent.id,
      charge: intent.latest_charge,
      metadata: { refund_id: 'r-1' },
    });
    expect(first.id).toMatch(/^re_/);

    const tooMuch = await stripe.refunds.create({ payment_intent: intent.id, amount: 701 }).catch((error: unknown) => error);
    expect(tooMuch).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(tooMuch).toMatchObject({ statusCode: 400, code: 'amount_too_large', param: 'amount' });

    // Without an amount, the rest is refunded.
    const rest = await stripe.refunds.create({ charge: intent.latest_charge as string });
    expect(rest.amount).toBe(700);
    expect(await stripe.charges.retrieve(intent.latest_charge as string)).toMatchObject({ amount_refunded: 1000, refunded: true });

    const again = await stripe.refunds.create({ payment_intent: intent.id, amount: 1 }).catch((error: unknown) => error);
    expect(again).toMatchObject({ statusCode: 400, code: 'charge_already_refunded' });

    const events = (await receiver.waitForAccepted(3)).map((w) =>
      stripe.webhooks.constructEvent(w.rawBody, w.signature, sandbox.webhookSecret),
    );
    expect(events.map((e) => e.type)).toEqual(['payment_intent.succeeded', 'charge.refunded', 'charge.refunded']);
    expect(events.slice(1).map((e) => (e.data.object as Stripe.Charge).amount_refunded)).toEqual([300, 1000]);

    expect(await stripe.refunds.retrieve(first.id, { expand: ['charge'] })).toMatchObject({
      id: first.id,
      charge: { object: 'charge', amount_refunded: 1000 },
    });
    expect((await stripe.refunds.list({ payment_intent: intent.id })).data.map((r) => r.amount)).toEqual([700, 300]);
  });

  it('refunds once per idempotency key', async () => {
    const intent = await paid(500);
    const first = await stripe.refunds.create({ payment_intent: intent.id, amount: 200 }, { idempotencyKey: 'refund-once' });
    const replay = await stripe.refunds.create({ payment_intent: intent.id, amount: 200 }, { idempotencyKey: 'refund-once' });
    expect(replay.id).toBe(first.id);
    expect((await stripe.charges.retrieve(intent.latest_charge as string)).amount_refunded).toBe(200);
  });

  it('refuses intents without a successful charge and unknown refunds', async () => {
    const unpaid = await stripe.paymentIntents.create({ amount: 500, currency: 'usd' });
    await expect(stripe.refunds.create({ payment_intent: unpaid.id })).rejects.toMatchObject({ statusCode: 400, param: 'payment_intent' });
    await expect(stripe.refunds.create({ payment_intent: 'pi_missing' })).rejects.toMatchObject({
      statusCode: 404,
      code: 'resource_missing',
    });
    await expect(stripe.refunds.create({})).rejects.toMatchObject({ statusCode: 400, code: 'parameter_missing' });
    await expect(stripe.refunds.retrieve('re_missing')).rejects.toMatchObject({ statusCode: 404, code: 'resource_missing' });
  });
});
