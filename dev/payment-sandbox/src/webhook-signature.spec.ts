import Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { signatureHeader } from './webhook-signature.js';

const stripe = new Stripe('sk_test_signature');
const secret = 'whsec_test_signature';

describe('signatureHeader', () => {
  it('is the header stripe-node generates for the same payload, secret and time', () => {
    const payload = JSON.stringify({ id: 'evt_1', object: 'event', type: 'payment_intent.succeeded' }, null, 2);
    const timestamp = Math.floor(Date.now() / 1000);
    expect(signatureHeader(payload, secret, timestamp)).toBe(stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp }));
  });

  it('passes constructEvent, and fails it for another secret, a changed body or an old timestamp', () => {
    const payload = '{"id":"evt_2","object":"event","type":"charge.refunded","data":{"object":{}}}';
    const now = Math.floor(Date.now() / 1000);
    expect(stripe.webhooks.constructEvent(payload, signatureHeader(payload, secret, now), secret).id).toBe('evt_2');
    expect(() => stripe.webhooks.constructEvent(payload, signatureHeader(payload, 'whsec_other', now), secret)).toThrow(/signature/i);
    expect(() => stripe.webhooks.constructEvent(`${payload} `, signatureHeader(payload, secret, now), secret)).toThrow(/signature/i);
    expect(() => stripe.webhooks.constructEvent(payload, signatureHeader(payload, secret, now - 301), secret)).toThrow(/tolerance/i);
  });
});
