import { randomUUID } from 'node:crypto';
import Stripe from 'stripe';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startPaymentSandbox, startWebhookReceiver, type PaymentSandbox, type WebhookReceiver } from './index.js';

// The official SDK, unchanged but for where it connects, against the sandbox on a free port; the
// webhooks it sends go to a recording receiver and are verified the way a service verifies them.

let sandbox: PaymentSandbox;
let receiver: WebhookReceiver;
let stripe: Stripe;

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  sandbox = await startPaymentSandbox({ port: 0, webhookUrl: receiver.url, webhookSecret: 'whsec_intents_spec' });
  stripe = new Stripe('sk_test_intents_spec', { ...sandbox.stripeConfig, maxNetworkRetries: 0 });
});

afterAll(async () => {
  await sandbox?.close();
  await receiver?.close();
});

beforeEach(() => {
  sandbox.reset();
  receiver.clear();
});

const verified = (raw: { rawBody: string; signature: string }) =>
  stripe.webhooks.constructEvent(raw.rawBody, raw.signature, sandbox.webhookSecret);

async function caught(promise: Promise<unknown>): Promise<Stripe.errors.StripeError> {
  try {
    await promise;
  } catch (error) {
    return error as Stripe.errors.StripeError;
  }
  throw new Error('expected the call to fail');
}

describe('a card payment', () => {
  it('goes requires_payment_method → requires_confirmation → succeeded with one charge and a verified webhook', async () => {
    const paymentId = randomUUID();
    const created = await stripe.paymentIntents.create({
      amount: 2500,
      currency: 'usd',
      description: 'Pro plan',
      metadata: { payment_id: paymentId },
      automatic_payment_methods: { enabled: true, allow_redirects: 'never' },
    });
    expect(created).toMatchObject({
      object: 'payment_intent',
      status: 'requires_payment_method',
      amount: 2500,
      currency: 'usd',
      metadata: { payment_id: paymentId },
      latest_charge: null,
      livemode: false,
    });
    expect(created.id).toMatch(/^pi_/);
    expect(created.client_secret).toMatch(new RegExp(`^${created.id}_secret_`));

    const withCard = await stripe.paymentIntents.update(created.id, { payment_method: 'pm_card_visa' });
    expect(withCard.status).toBe('requires_confirmation');

    const confirmed = await stripe.paymentIntents.confirm(created.id, {}, { idempotencyKey: `confirm-${paymentId}` });
    expect(confirmed).toMatchObject({ status: 'succeeded', amount_received: 2500, payment_method: 'pm_card_visa' });
    expect(confirmed.latest_charge).toMatch(/^ch_/);

    const charge = await stripe.charges.retrieve(confirmed.latest_charge as string);
    expect(charge).toMatchObject({
      status: 'succeeded',
      paid: true,
      captured: true,
      amount: 2500,
      payment_intent: created.id,
      metadata: { payment_id: paymentId },
    });
    expect(charge.payment_method_details?.card).toMatchObject({ brand: 'visa', last4: '4242' });
    expect(sandbox.charges()).toHaveLength(1);

    const [webhook] = await receiver.waitForAccepted(1);
    const event = verified(webhook!);
    expect(event).toMatchObject({ type: 'payment_intent.succeeded', object: 'event', livemode: false, api_version: expect.any(String) });
    expect(event.id).toMatch(/^evt_/);
    expect(event.request).toEqual({ id: confirmed.lastResponse.requestId, idempotency_key: `confirm-${paymentId}` });
    expect((event.data.object as Stripe.PaymentIntent).status).toBe('succeeded');

    expect((await stripe.events.retrieve(event.id)).type).toBe('payment_intent.succeeded');
  });

  it('creates and confirms in one call, and expands latest_charge on request', async () => {
    const intent = await stripe.paymentIntents.create({
      amount: 990,
      currency: 'EUR',
      payment_method: 'pm_card_mastercard',
      confirm: true,
      expand: ['latest_charge'],
    });
    expect(intent).toMatchObject({ status: 'succeeded', currency: 'eur' });
    expect(intent.latest_charge).toMatchObject({ object: 'charge', status: 'succeeded', amount: 990 });

    const retrieved = await stripe.paymentIntents.retrieve(intent.id);
    expect(retrieved.latest_charge).toBe((intent.latest_charge as Stripe.Charge).id);
    const listed = await stripe.paymentIntents.list({ expand: ['data.latest_charge'] });
    expect(listed.data[0]?.latest_charge).toMatchObject({ object: 'charge', payment_intent: intent.id });
  });

  it('declines with a 402 card error, leaves a failed charge, and can be paid with another card', async () => {
    const intent = await stripe.paymentIntents.create({ amount: 1200, currency: 'usd', metadata: { payment_id: 'declined-1' } });
    const error = await caught(stripe.paymentIntents.confirm(intent.id, { payment_method: 'pm_card_chargeDeclined' }));
    expect(error).toBeInstanceOf(Stripe.errors.StripeCardError);
    expect(error).toMatchObject({
      statusCode: 402,
      type: 'StripeCardError',
      code: 'card_declined',
      decline_code: 'generic_decline',
      message: 'Your card was declined.',
    });
    expect(error.payment_intent).toMatchObject({ id: intent.id, status: 'requires_payment_method' });

    const failed = await stripe.paymentIntents.retrieve(intent.id);
    expect(failed).toMatchObject({ status: 'requires_payment_method', payment_method: null });
    expect(failed.last_payment_error).toMatchObject({ code: 'card_declined', decline_code: 'generic_decline', charge: error.charge });
    expect(sandbox.charges()).toMatchObject([{ id: error.charge, status: 'failed', failure_code: 'card_declined', paid: false }]);

    const [webhook] = await receiver.waitForAccepted(1);
    expect(verified(webhook!)).toMatchObject({ type: 'payment_intent.payment_failed', data: { object: { id: intent.id } } });

    const paid = await stripe.paymentIntents.confirm(intent.id, { payment_method: 'pm_card_visa' });
    expect(paid).toMatchObject({ status: 'succeeded', last_payment_error: null });
    expect(sandbox.charges().map((c) => c.status)).toEqual(['failed', 'succeeded']);
  });

  it('reports insufficient funds with its own decline code', async () => {
    const error = await caught(
      stripe.paymentIntents.create({
        amount: 500,
        currency: 'usd',
        confirm: true,
        payment_method: 'pm_card_visa_chargeDeclinedInsufficientFunds',
      }),
    );
    expect(error).toMatchObject({ code: 'card_declined', decline_code: 'insufficient_funds' });
  });

  it('cancels an unpaid intent, and refuses to cancel or confirm a paid one', async () => {
    const open = await stripe.paymentIntents.create({ amount: 100, currency: 'usd' });
    const canceled = await stripe.paymentIntents.cancel(open.id, { cancellation_reason: 'abandoned' });
    expect(canceled).toMatchObject({ status: 'canceled', cancellation_reason: 'abandoned', canceled_at: expect.any(Number) });
    expect(verified((await receiver.waitForAccepted(1))[0]!).type).toBe('payment_intent.canceled');

    const paid = await stripe.paymentIntents.create({ amount: 100, currency: 'usd', payment_method: 'pm_card_visa', confirm: true });
    const cancelError = await caught(stripe.paymentIntents.cancel(paid.id));
    expect(cancelError).toMatchObject({ statusCode: 400, code: 'payment_intent_unexpected_state' });
    const confirmError = await caught(stripe.paymentIntents.confirm(paid.id, { payment_method: 'pm_card_visa' }));
    expect(confirmError).toMatchObject({ statusCode: 400, code: 'payment_intent_unexpected_state' });
    expect(sandbox.charges()).toHaveLength(1);
  });

  it('updates metadata by merging, removing keys set to empty', async () => {
    const intent = await stripe.paymentIntents.create({ amount: 100, currency: 'usd', metadata: { a: '1', b: '2' } });
    const updated = await stripe.paymentIntents.update(intent.id, { metadata: { b: '', c: '3' } });
    expect(updated.metadata).toEqual({ a: '1', c: '3' });
  });
});

describe('finding intents again', () => {
  it('searches by metadata, as the reconciler looks up a payment by its id', async () => {
    const paymentId = randomUUID();
    await stripe.paymentIntents.create({ amount: 100, currency: 'usd', metadata: { payment_id: 'someone-else' } });
    const mine = await stripe.paymentIntents.create({
      amount: 200,
      currency: 'usd',
      metadata: { payment_id: paymentId },
      payment_method: 'pm_card_visa',
      confirm: true,
    });

    const found = await stripe.paymentIntents.search({ query: `metadata['payment_id']:'${paymentId}'` });
    expect(found).toMatchObject({ object: 'search_result', has_more: false, next_page: null });
    expect(found.data.map((pi) => pi.id)).toEqual([mine.id]);

    const succeeded = await stripe.paymentIntents.search({ query: `metadata['payment_id']:'${paymentId}' AND status:'succeeded'` });
    expect(succeeded.data).toHaveLength(1);
    expect((await stripe.paymentIntents.search({ query: "metadata['payment_id']:'nobody'" })).data).toEqual([]);

    const unsupported = await caught(stripe.paymentIntents.search({ query: `metadata['payment_id']:'a' OR status:'succeeded'` }));
    expect(unsupported).toMatchObject({ statusCode: 400, param: 'query' });
  });

  it('lists newest first with cursor pagination that stripe-node auto-pagination follows', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await stripe.paymentIntents.create({ amount: 100 + i, currency: 'usd' })).id);
    const newestFirst = [...ids].reverse();

    const page = await stripe.paymentIntents.list({ limit: 2 });
    expect(page).toMatchObject({ object: 'list', url: '/v1/payment_intents', has_more: true });
    expect(page.data.map((pi) => pi.id)).toEqual(newestFirst.slice(0, 2));
    const next = await stripe.paymentIntents.list({ limit: 2, starting_after: page.data[1]!.id });
    expect(next.data.map((pi) => pi.id)).toEqual(newestFirst.slice(2, 4));
    const back = await stripe.paymentIntents.list({ limit: 2, ending_before: next.data[0]!.id });
    expect(back.data.map((pi) => pi.id)).toEqual(newestFirst.slice(0, 2));

    const all = await stripe.paymentIntents.list({ limit: 2 }).autoPagingToArray({ limit: 100 });
    expect(all.map((pi) => pi.id)).toEqual(newestFirst);
  });

  it('lists events by type, including a trailing wildcard', async () => {
    const intent = await stripe.paymentIntents.create({ amount: 100, currency: 'usd', payment_method: 'pm_card_visa', confirm: true });
    await stripe.refunds.create({ payment_intent: intent.id });
    const types = async (type?: string) => (await stripe.events.list(type ? { type } : {})).data.map((event) => event.type);
    expect(await types()).toEqual(['charge.refunded', 'payment_intent.succeeded']);
    expect(await types('payment_intent.*')).toEqual(['payment_intent.succeeded']);
    expect(await types('charge.refunded')).toEqual(['charge.refunded']);
  });
});

describe('errors in Stripe shape', () => {
  it('answers a wrong or missing API key with 401', async () => {
    const live = new Stripe('sk_live_nope1234', { ...sandbox.stripeConfig, maxNetworkRetries: 0 });
    const error = await caught(live.paymentIntents.list());
    expect(error).toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
    expect(error.message).toMatch(/sk_live_\*+1234/);

    const anonymous = await fetch(`${sandbox.url}/v1/payment_intents`);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ error: { type: 'invalid_request_error', message: expect.stringMatching(/API key/) } });
  });

  it('answers an unknown object with 404 resource_missing and a bad parameter with 400', async () => {
    const missing = await caught(stripe.paymentIntents.retrieve('pi_doesnotexist'));
    expect(missing).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(missing).toMatchObject({ statusCode: 404, code: 'resource_missing', message: "No such payment_intent: 'pi_doesnotexist'" });

    const noAmount = await caught(stripe.paymentIntents.create({ currency: 'usd' } as Stripe.PaymentIntentCreateParams));
    expect(noAmount).toMatchObject({ statusCode: 400, code: 'parameter_missing', param: 'amount' });
    const unknown = await caught(
      stripe.paymentIntents.create({ amount: 100, currency: 'usd', shipping_rate: 'x' } as Stripe.PaymentIntentCreateParams),
    );
    expect(unknown).toMatchObject({ statusCode: 400, code: 'parameter_unknown', param: 'shipping_rate' });
    const badCard = await caught(stripe.paymentIntents.create({ amount: 100, currency: 'usd', payment_method: 'pm_card_unknown' }));
    expect(badCard).toMatchObject({ statusCode: 400, code: 'resource_missing', param: 'payment_method' });
    const notInteger = await caught(stripe.paymentIntents.create({ amount: 10.5, currency: 'usd' }));
    expect(notInteger).toMatchObject({ statusCode: 400, code: 'parameter_invalid_integer', param: 'amount' });
    // Nothing was created by any of them.
    expect((await stripe.paymentIntents.list()).data).toEqual([]);
  });

  it('answers an unknown endpoint with 404 in Stripe shape', async () => {
    const response = await fetch(`${sandbox.url}/v1/customers`, { headers: { authorization: 'Bearer sk_test_x' } });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({
      error: { type: 'invalid_request_error', message: expect.stringMatching(/Unrecognized request URL/) },
    });
  });
});
