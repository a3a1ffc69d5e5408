import { describe, expect, it } from 'vitest';
import { IDEMPOTENCY_KEY_TTL_MS, IdempotencyStore, requestFingerprint } from './idempotency.js';
import { StripeApiError } from './stripe-error.js';

const response = { status: 200, body: '{"id":"pi_1"}', requestId: 'req_1' };

describe('IdempotencyStore', () => {
  it('replays the stored response for the same endpoint and parameters', () => {
    const store = new IdempotencyStore(() => 0);
    const fingerprint = requestFingerprint({ amount: '100', currency: 'usd' });
    expect(store.lookup('k', 'POST /v1/payment_intents', fingerprint)).toEqual({ kind: 'new' });
    store.save('k', 'POST /v1/payment_intents', fingerprint, response);
    // Parameter order does not matter, only their values.
    expect(store.lookup('k', 'POST /v1/payment_intents', requestFingerprint({ currency: 'usd', amount: '100' }))).toEqual({
      kind: 'replay',
      response,
    });
  });

  it('rejects the key for other parameters or another endpoint with an idempotency_error', () => {
    const store = new IdempotencyStore(() => 0);
    store.save('k', 'POST /v1/payment_intents', requestFingerprint({ amount: '100' }), response);
    const mismatch = (endpoint: string, params: object) => {
      try {
        store.lookup('k', endpoint, requestFingerprint(params));
      } catch (error) {
        return error as StripeApiError;
      }
      throw new Error('expected an idempotency error');
    };
    const otherParams = mismatch('POST /v1/payment_intents', { amount: '200' });
    expect(otherParams.status).toBe(400);
    expect(otherParams.body).toMatchObject({ type: 'idempotency_error', message: expect.stringMatching(/same parameters/) });
    expect(mismatch('POST /v1/refunds', { amount: '100' }).body.message).toMatch(/same endpoint/);
  });

  it('forgets keys after 24 hours', () => {
    let now = 1_000;
    const store = new IdempotencyStore(() => now);
    const fingerprint = requestFingerprint({});
    store.save('old', 'POST /v1/refunds', fingerprint, response);
    now += IDEMPOTENCY_KEY_TTL_MS - 1;
    store.save('young', 'POST /v1/refunds', fingerprint, response);
    expect(store.lookup('old', 'POST /v1/refunds', fingerprint).kind).toBe('replay');
    now += 1;
    expect(store.lookup('old', 'POST /v1/refunds', fingerprint).kind).toBe('new');
    expect(store.lookup('young', 'POST /v1/refunds', fingerprint).kind).toBe('replay');
  });
});
