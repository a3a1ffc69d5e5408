import { randomUUID } from 'node:crypto';
import { signatureHeader, startPaymentSandbox, type PaymentSandbox } from '@msp/payment-sandbox';
import { freePort } from '@msp/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PaymentGatewayError, WebhookSignatureError } from './payment-gateway.port.js';
import { StripePaymentGateway, type StripeGatewaySettings } from './stripe-payment-gateway.js';

// The real adapter (official SDK) against the dev sandbox, which speaks Stripe's HTTP API.

const SECRET = 'whsec_adapter_spec';
let sandbox: PaymentSandbox;
let gateway: StripePaymentGateway;

const settingsFor = (url: string): StripeGatewaySettings => ({
  url,
  secretKey: 'sk_test_adapter_spec',
  webhookSecret: SECRET,
  webhookToleranceSeconds: 300,
  timeoutMs: 1_000,
  maxNetworkRetries: 0,
});

beforeAll(async () => {
  sandbox = await startPaymentSandbox({ port: 0, webhookSecret: SECRET, timeoutCardMs: 5_000 });
  gateway = new StripePaymentGateway(settingsFor(sandbox.url));
});
afterAll(() => sandbox?.close());

const newIntent = (paymentId = randomUUID()) =>
  gateway.createIntent(
    { amount: 1900, currency: 'eur', description: 'Pro plan', metadata: { payment_id: paymentId } },
    `checkout:${paymentId}`,
  );

async function failureOf(promise: Promise<unknown>): Promise<PaymentGatewayError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(PaymentGatewayError);
  return error as PaymentGatewayError;
}

describe('the Stripe adapter', () => {
  it('creates one intent per idempotency key, however often the call is repeated', async () => {
    const paymentId = randomUUID();
    const first = await newIntent(paymentId);
    const again = await newIntent(paymentId);
    expect(again.id).toBe(first.id);
    expect(first).toMatchObject({ status: 'requires_payment_method', amount: 1900, currency: 'eur', metadata: { payment_id: paymentId } });
    expect(first.clientSecret).toContain(first.id);
    await expect(gateway.findIntentByPaymentId(paymentId)).resolves.toMatchObject({ id: first.id });
    await expect(gateway.findIntentByPaymentId(randomUUID())).resolves.toBeUndefined();
  });

  it('confirms, declines (as `declined`) and cancels', async () => {
    const paid = await newIntent();
    await expect(gateway.confirmIntent(paid.id, 'pm_card_visa', `confirm:${paid.id}:1`)).resolves.toMatchObject({ status: 'succeeded' });

    const declined = await newIntent();
    const error = await failureOf(gateway.confirmIntent(declined.id, 'pm_card_chargeDeclined', `confirm:${declined.id}:1`));
    expect(error).toMatchObject({ failure: 'declined', message: 'Your card was declined.' });
    await expect(gateway.retrieveIntent(declined.id)).resolves.toMatchObject({
      status: 'requires_payment_method',
      lastError: 'Your card was declined.',
    });
    await expect(gateway.cancelIntent(declined.id, `cancel:${declined.id}`)).resolves.toMatchObject({ status: 'canceled' });

    const unknownCard = await newIntent();
    expect(await failureOf(gateway.confirmIntent(unknownCard.id, 'pm_card_nope', 'k'))).toMatchObject({
      failure: 'rejected',
      param: 'payment_method',
    });
    expect(await failureOf(gateway.confirmIntent(paid.id, 'pm_card_visa', 'k2'))).toMatchObject({
      failure: 'rejected',
      code: 'payment_intent_unexpected_state',
    });
  });

  it('reports a timeout as `unknown`; the money moved, and the same key replays the answer', async () => {
    const intent = await newIntent();
    const key = `confirm:${intent.id}:1`;
    const started = Date.now();
    expect(await failureOf(gateway.confirmIntent(intent.id, 'pm_card_timeout', key))).toMatchObject({ failure: 'unknown' });
    expect(Date.now() - started).toBeLessThan(4_000);
    await expect(gateway.confirmIntent(intent.id, 'pm_card_timeout', key)).resolves.toMatchObject({ status: 'succeeded' });
    expect(sandbox.charges().filter((charge) => charge.payment_intent === intent.id)).toHaveLength(1);
  });

  it('reports an unreachable gateway as `unknown`', async () => {
    const nobody = new StripePaymentGateway(settingsFor(`http://127.0.0.1:${await freePort()}`));
    expect(await failureOf(nobody.retrieveIntent('pi_x'))).toMatchObject({ failure: 'unknown' });
  });

  it('refunds part and the rest, and refuses more than the charge', async () => {
    const intent = await newIntent();
    await gateway.confirmIntent(intent.id, 'pm_card_visa', `confirm:${intent.id}:1`);
    await expect(gateway.createRefund({ intentId: intent.id, amount: 400, metadata: {} }, 'refund:1')).resolves.toMatchObject({
      amount: 400,
      status: 'succeeded',
    });
    expect(await failureOf(gateway.createRefund({ intentId: intent.id, amount: 1600, metadata: {} }, 'refund:2'))).toMatchObject({
      failure: 'rejected',
      code: 'amount_too_large',
    });
  });

  it('verifies webhooks on their raw bytes and refuses a bad signature or an old timestamp', async () => {
    const intent = await newIntent();
    await gateway.confirmIntent(intent.id, 'pm_card_visa', `confirm:${intent.id}:1`);
    const event = sandbox
      .events()
      .find(
        (candidate) =>
          candidate.type === 'payment_intent.succeeded' &&
          'amount_received' in candidate.data.object &&
          candidate.data.object.id === intent.id,
      )!;
    const payload = JSON.stringify(event);
    const now = Math.floor(Date.now() / 1000);

    expect(gateway.parseWebhook(Buffer.from(payload), signatureHeader(payload, SECRET, now))).toMatchObject({
      id: event.id,
      kind: 'intent',
      intent: { id: intent.id, status: 'succeeded' },
    });
    expect(() => gateway.parseWebhook(Buffer.from(payload), signatureHeader(payload, 'whsec_wrong', now))).toThrow(WebhookSignatureError);
    expect(() => gateway.parseWebhook(Buffer.from(payload), signatureHeader(payload, SECRET, now - 600))).toThrow(WebhookSignatureError);
    // One byte changed (what re-serializing the JSON would do) and the signature no longer matches.
    expect(() => gateway.parseWebhook(Buffer.from(`${payload} `), signatureHeader(payload, SECRET, now))).toThrow(WebhookSignatureError);
  });
});
