import { randomUUID } from 'node:crypto';
import Stripe from 'stripe';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startPaymentSandbox, type PaymentSandbox } from './index.js';

// Idempotency as Stripe defines it, driven through the SDK's `idempotencyKey` request option. The
// sandbox's clock is under the test's control so the 24-hour expiry can be crossed.

let sandbox: PaymentSandbox;
let stripe: Stripe;
let clock = Date.now();

beforeAll(async () => {
  sandbox = await startPaymentSandbox({ port: 0, now: () => clock });
  stripe = new Stripe('sk_test_idempotency_spec', { ...sandbox.stripeConfig, maxNetworkRetries: 0 });
});

afterAll(async () => {
  await sandbox?.close();
});

beforeEach(() => {
  sandbox.reset();
  clock = Date.now();
});

const key = () => `pay-${randomUUID()}`;
const visaPayment = (amount = 4200): Stripe.PaymentIntentCreateParams => ({
  amount,
  currency: 'usd',
  payment_method: 'pm_card_visa',
  confirm: true,
  metadata: { payment_id: 'p-1' },
});

async function caught(promise: Promise<unknown>): Promise<Stripe.errors.StripeError> {
  try {
    await promise;
  } catch (error) {
    return error as Stripe.errors.StripeError;
  }
  throw new Error('expected the call to fail');
}

describe('Idempotency-Key', () => {
  it('replays the first response for the same key and parameters, charging once', async () => {
    const idempotencyKey = key();
    const first = await stripe.paymentIntents.create(visaPayment(), { idempotencyKey });
    const second = await stripe.paymentIntents.create(visaPayment(), { idempotencyKey });

    expect(second.id).toBe(first.id);
    expect(second).toEqual(first);
    expect(first.lastResponse.headers['idempotent-replayed']).toBeUndefined();
    expect(second.lastResponse.headers['idempotent-replayed']).toBe('true');
    expect(second.lastResponse.headers['original-request']).toBe(first.lastResponse.requestId);
    expect(second.lastResponse.headers['idempotency-key']).toBe(idempotencyKey);
    expect(sandbox.charges()).toHaveLength(1);
    expect(sandbox.events()).toHaveLength(1);
  });

  it('rejects the same key with different parameters or on another endpoint', async () => {
    const idempotencyKey = key();
    await stripe.paymentIntents.create(visaPayment(4200), { idempotencyKey });

    const otherAmount = await caught(stripe.paymentIntents.create(visaPayment(4300), { idempotencyKey }));
    expect(otherAmount).toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
    expect(otherAmount).toMatchObject({ statusCode: 400, rawType: 'idempotency_error', message: expect.stringContaining(idempotencyKey) });

    const otherEndpoint = await caught(stripe.refunds.create({ payment_intent: 'pi_x' }, { idempotencyKey }));
    expect(otherEndpoint).toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
    expect(sandbox.charges()).toHaveLength(1);
  });

  it('replays a decline too: the card is not tried again under the same key', async () => {
    const idempotencyKey = key();
    const params = { ...visaPayment(), payment_method: 'pm_card_chargeDeclined' };
    const first = await caught(stripe.paymentIntents.create(params, { idempotencyKey }));
    const second = await caught(stripe.paymentIntents.create(params, { idempotencyKey }));
    expect(first).toBeInstanceOf(Stripe.errors.StripeCardError);
    expect(second).toBeInstanceOf(Stripe.errors.StripeCardError);
    expect(second.charge).toBe(first.charge);
    expect(second.headers?.['idempotent-replayed']).toBe('true');
    expect(sandbox.charges()).toHaveLength(1);
  });

  it('does not store validation errors, so the key stays usable for a corrected request', async () => {
    const idempotencyKey = key();
    const invalid = await caught(stripe.paymentIntents.create({ ...visaPayment(), payment_method: 'pm_card_typo' }, { idempotencyKey }));
    expect(invalid).toMatchObject({ statusCode: 400, code: 'resource_missing' });
    const corrected = await stripe.paymentIntents.create(visaPayment(), { idempotencyKey });
    expect(corrected.status).toBe('succeeded');
  });

  it('forgets a key after 24 hours: the same request then runs again', async () => {
    const idempotencyKey = key();
    const first = await stripe.paymentIntents.create(visaPayment(), { idempotencyKey });
    clock += 24 * 60 * 60 * 1000 - 1_000;
    expect((await stripe.paymentIntents.create(visaPayment(), { idempotencyKey })).id).toBe(first.id);
    clock += 1_000;
    const later = await stripe.paymentIntents.create(visaPayment(), { idempotencyKey });
    expect(later.id).not.toBe(first.id);
    expect(sandbox.charges()).toHaveLength(2);
  });

  it('lets stripe-node key every POST itself, so its automatic retries cannot double-charge', async () => {
    const intent = await stripe.paymentIntents.create(visaPayment());
    expect(intent.lastResponse.headers['idempotency-key']).toMatch(/^stripe-node-retry-/);
  });
});
