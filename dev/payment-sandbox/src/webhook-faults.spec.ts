import { createServer } from 'node:net';
import Stripe from 'stripe';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startPaymentSandbox, startWebhookReceiver, type PaymentSandbox, type WebhookReceiver } from './index.js';

// The fault switches, set the way other packages' tests set them: over the control API.

let sandbox: PaymentSandbox;
let receiver: WebhookReceiver;
let stripe: Stripe;

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  sandbox = await startPaymentSandbox({
    port: 0,
    webhookUrl: receiver.url,
    delayedCardMs: 100,
    webhookMaxAttempts: 3,
    webhookRetryBaseMs: 50,
    webhookTimeoutMs: 1_000,
  });
  stripe = new Stripe('sk_test_faults_spec', { ...sandbox.stripeConfig, maxNetworkRetries: 0 });
});

afterAll(async () => {
  await sandbox?.close();
  await receiver?.close();
});

beforeEach(() => {
  sandbox.reset();
  sandbox.setWebhookUrl(receiver.url);
  receiver.clear();
});

async function control(method: string, path: string, body?: object) {
  const response = await fetch(`${sandbox.url}/__sandbox/${path}`, { method, ...(body && { body: JSON.stringify(body) }) });
  return { status: response.status, body: (await response.json()) as any };
}

const pay = (paymentMethod = 'pm_card_visa') =>
  stripe.paymentIntents.create({ amount: 100, currency: 'usd', payment_method: paymentMethod, confirm: true });
const verify = (webhook: { rawBody: string; signature: string }) =>
  stripe.webhooks.constructEvent(webhook.rawBody, webhook.signature, sandbox.webhookSecret);

describe('webhook faults', () => {
  it('duplicates: every event arrives twice with the same id, each copy signed', async () => {
    expect(await control('PUT', 'faults', { duplicate: true })).toEqual({
      status: 200,
      body: { dropNext: 0, duplicate: true, delayMs: 0, reorderNext: 0 },
    });
    const intent = await pay();
    const copies = (await receiver.waitForAccepted(2)).map(verify);
    expect(copies.map((event) => event.id)).toEqual([copies[0]!.id, copies[0]!.id]);
    expect((copies[0]!.data.object as Stripe.PaymentIntent).id).toBe(intent.id);
  });

  it('drops the next N events, which stay listed in /v1/events and can be replayed', async () => {
    await control('PUT', 'faults', { dropNext: 1 });
    const lost = await pay();
    const kept = await pay();
    await sandbox.webhooksSettled();
    expect(receiver.received().map((w) => w.event.data.object.id)).toEqual([kept.id]);

    const { body: log } = await control('GET', 'webhooks');
    expect(log.deliveries.map((d: any) => d.outcome)).toEqual(['dropped', 'delivered']);
    const lostEvent = (await stripe.events.list({ type: 'payment_intent.succeeded' })).data.find(
      (e) => (e.data.object as Stripe.PaymentIntent).id === lost.id,
    );
    expect(lostEvent).toBeDefined();

    expect(await control('POST', `webhooks/replay/${lostEvent!.id}`)).toEqual({ status: 202, body: { replayed: lostEvent!.id } });
    const [, replayed] = await receiver.waitForAccepted(2);
    expect(verify(replayed!).id).toBe(lostEvent!.id);
  });

  it('reorders: holds the next N events and delivers them newest first', async () => {
    await control('PUT', 'faults', { reorderNext: 2 });
    await pay('pm_card_delayed');
    const events = (await receiver.waitForAccepted(2)).map(verify);
    // A receiver that applies whatever arrives last would end up "processing": it must only move forward.
    expect(events.map((e) => e.type)).toEqual(['payment_intent.succeeded', 'payment_intent.processing']);
  });

  it('releases a partly filled reorder group on flush', async () => {
    await control('PUT', 'faults', { reorderNext: 3 });
    const first = await pay();
    const second = await pay();
    await sandbox.webhooksSettled();
    expect(receiver.received()).toEqual([]);
    expect((await control('GET', 'webhooks')).body.held).toBe(2);

    expect(await control('POST', 'webhooks/flush')).toEqual({ status: 200, body: { released: 2 } });
    const delivered = await receiver.waitForAccepted(2);
    expect(delivered.map((w) => w.event.data.object.id)).toEqual([second.id, first.id]);
  });

  it('delays each event', async () => {
    await control('PUT', 'faults', { delayMs: 400 });
    const paidAt = Date.now();
    await pay();
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(receiver.received()).toEqual([]);
    await receiver.waitForAccepted(1);
    expect(Date.now() - paidAt).toBeGreaterThanOrEqual(390);
  });

  it('validates fault settings and knows no unknown event', async () => {
    expect((await control('PUT', 'faults', { dropNext: -1 })).status).toBe(400);
    expect((await control('PUT', 'faults', { reorder: true })).status).toBe(400);
    expect((await control('POST', 'webhooks/replay/evt_missing')).status).toBe(404);
    // A PUT replaces the whole state: what it leaves out is off.
    await control('PUT', 'faults', { duplicate: true, delayMs: 10 });
    expect((await control('PUT', 'faults', { dropNext: 2 })).body).toEqual({ dropNext: 2, duplicate: false, delayMs: 0, reorderNext: 0 });
  });
});

describe('webhook retries', () => {
  it('retries a failing endpoint with backoff until it accepts', async () => {
    receiver.failWith(500, 2);
    await pay();
    const [accepted] = await receiver.waitForAccepted(1);
    expect(verify(accepted!).type).toBe('payment_intent.succeeded');
    expect(receiver.received().map((w) => w.answeredWith)).toEqual([500, 500, 200]);
    await sandbox.webhooksSettled();
    expect(sandbox.webhookDeliveries().map((d) => [d.attempt, d.outcome, d.status])).toEqual([
      [1, 'failed', 500],
      [2, 'failed', 500],
      [3, 'delivered', 200],
    ]);
  });

  it('gives up after the configured number of attempts', async () => {
    receiver.failWith(503);
    await pay();
    await sandbox.webhooksSettled();
    expect(receiver.received()).toHaveLength(3);
    expect(sandbox.webhookDeliveries().every((d) => d.outcome === 'failed')).toBe(true);
  });

  it('treats an unreachable endpoint as a failure too', async () => {
    sandbox.setWebhookUrl(`http://127.0.0.1:${await closedPort()}/webhooks`);
    await pay();
    await sandbox.webhooksSettled();
    const deliveries = sandbox.webhookDeliveries();
    expect(deliveries).toHaveLength(3);
    expect(deliveries[0]).toMatchObject({ outcome: 'failed', error: expect.any(String) });
  });
});

describe('control API', () => {
  it('lists every charge and resets everything', async () => {
    await pay();
    await pay('pm_card_chargeDeclined').catch(() => undefined);
    const { body } = await control('GET', 'charges');
    expect(body.count).toBe(2);
    expect(body.data.map((c: any) => c.status)).toEqual(['succeeded', 'failed']);

    await control('PUT', 'faults', { duplicate: true });
    expect(await control('POST', 'reset')).toEqual({ status: 200, body: { status: 'ok' } });
    expect((await control('GET', 'charges')).body).toEqual({ count: 0, data: [] });
    expect((await control('GET', 'faults')).body.duplicate).toBe(false);
    expect((await stripe.events.list()).data).toEqual([]);
  });

  it('answers /health without an API key', async () => {
    const response = await fetch(`${sandbox.url}/health`);
    expect(await response.json()).toEqual({ status: 'ok' });
  });
});

/** A port nothing listens on: bound once to learn a free number, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return typeof address === 'object' && address ? address.port : 1;
}
