import { randomUUID } from 'node:crypto';
import Stripe from 'stripe';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startPaymentSandbox, startWebhookReceiver, type PaymentSandbox, type WebhookReceiver } from './index.js';

// The two cards that make payments uncertain: pm_card_timeout charges but answers too late, and
// pm_card_delayed sits in `processing` before it succeeds. Both are what a reconciler must settle.

const TIMEOUT_CARD_MS = 5_000;
const DELAYED_CARD_MS = 300;
// Generous, so a busy CI machine answering a replay slowly is not mistaken for the held response.
const CLIENT_TIMEOUT_MS = 1_000;

let sandbox: PaymentSandbox;
let receiver: WebhookReceiver;
let stripe: Stripe;

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  sandbox = await startPaymentSandbox({
    port: 0,
    webhookUrl: receiver.url,
    timeoutCardMs: TIMEOUT_CARD_MS,
    delayedCardMs: DELAYED_CARD_MS,
  });
  stripe = new Stripe('sk_test_slow_cards_spec', { ...sandbox.stripeConfig, maxNetworkRetries: 0 });
});

afterAll(async () => {
  await sandbox?.close();
  await receiver?.close();
});

beforeEach(() => {
  sandbox.reset();
  receiver.clear();
});

const impatient = (maxNetworkRetries = 0) =>
  new Stripe('sk_test_slow_cards_spec', { ...sandbox.stripeConfig, timeout: CLIENT_TIMEOUT_MS, maxNetworkRetries });

describe('pm_card_timeout', () => {
  it('charges, but the caller sees a timeout; the reconciler then finds the intent succeeded with exactly one charge', async () => {
    const paymentId = randomUUID();
    const idempotencyKey = `create-${paymentId}`;
    const params: Stripe.PaymentIntentCreateParams = {
      amount: 7700,
      currency: 'usd',
      payment_method: 'pm_card_timeout',
      confirm: true,
      metadata: { payment_id: paymentId },
    };

    const started = Date.now();
    const error = await impatient()
      .paymentIntents.create(params, { idempotencyKey })
      .then(
        () => undefined,
        (caught: unknown) => caught,
      );
    expect(error).toBeInstanceOf(Stripe.errors.StripeConnectionError);
    expect((error as Error).message).toMatch(/timeout/);
    expect(Date.now() - started).toBeLessThan(TIMEOUT_CARD_MS);

    // What the reconciler does: find the intent by our payment id, without an intent id in hand.
    const found = await stripe.paymentIntents.search({ query: `metadata['payment_id']:'${paymentId}'` });
    expect(found.data).toHaveLength(1);
    expect(found.data[0]).toMatchObject({ status: 'succeeded', amount_received: 7700 });
    expect(sandbox.charges()).toMatchObject([{ status: 'succeeded', amount: 7700, payment_intent: found.data[0]!.id }]);

    const [webhook] = await receiver.waitForAccepted(1);
    expect(webhook!.event).toMatchObject({ type: 'payment_intent.succeeded', data: { object: { id: found.data[0]!.id } } });

    // A retry under the same key gets the stored answer at once and charges nothing more.
    const retried = await stripe.paymentIntents.create(params, { idempotencyKey });
    expect(retried).toMatchObject({ id: found.data[0]!.id, status: 'succeeded' });
    expect(retried.lastResponse.headers['idempotent-replayed']).toBe('true');
    expect(sandbox.charges()).toHaveLength(1);
  });

  it('is absorbed by stripe-node’s own retries, which reuse the idempotency key', async () => {
    const intent = await impatient(1).paymentIntents.create({
      amount: 100,
      currency: 'usd',
      payment_method: 'pm_card_timeout',
      confirm: true,
    });
    expect(intent.status).toBe('succeeded');
    expect(intent.lastResponse.headers['idempotent-replayed']).toBe('true');
    expect(sandbox.charges()).toHaveLength(1);
  });

  it('times out on /confirm as well, leaving the intent paid', async () => {
    const intent = await stripe.paymentIntents.create({ amount: 300, currency: 'usd' });
    await expect(impatient().paymentIntents.confirm(intent.id, { payment_method: 'pm_card_timeout' })).rejects.toBeInstanceOf(
      Stripe.errors.StripeConnectionError,
    );
    expect((await stripe.paymentIntents.retrieve(intent.id)).status).toBe('succeeded');
  });
});

describe('pm_card_delayed', () => {
  it('is processing first, then succeeds on its own with a webhook for each step', async () => {
    const intent = await stripe.paymentIntents.create({ amount: 5000, currency: 'usd', payment_method: 'pm_card_delayed', confirm: true });
    expect(intent).toMatchObject({ status: 'processing', amount_received: 0 });
    expect(sandbox.charges()).toMatchObject([{ status: 'pending', paid: false }]);

    // Processing is neither confirmable nor cancelable, and there is nothing to refund yet.
    await expect(stripe.paymentIntents.confirm(intent.id, { payment_method: 'pm_card_visa' })).rejects.toMatchObject({
      code: 'payment_intent_unexpected_state',
    });
    await expect(stripe.paymentIntents.cancel(intent.id)).rejects.toMatchObject({ code: 'payment_intent_unexpected_state' });
    await expect(stripe.refunds.create({ payment_intent: intent.id })).rejects.toMatchObject({ statusCode: 400, param: 'payment_intent' });

    const webhooks = await receiver.waitForAccepted(2, DELAYED_CARD_MS + 5_000);
    const events = webhooks.map((w) => stripe.webhooks.constructEvent(w.rawBody, w.signature, sandbox.webhookSecret));
    expect(events.map((e) => e.type)).toEqual(['payment_intent.processing', 'payment_intent.succeeded']);
    // A change the sandbox made on its own is not tied to any API request.
    expect(events[1]!.request).toEqual({ id: null, idempotency_key: null });

    expect(await stripe.paymentIntents.retrieve(intent.id)).toMatchObject({ status: 'succeeded', amount_received: 5000 });
    expect(sandbox.charges()).toMatchObject([{ status: 'succeeded', paid: true }]);
  });
});
