import type { billingV1 } from '@msp/contracts';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { apiCaller, testIdentities, type CallApi } from '../testing/api-caller.js';
import { startTestGateway, type TestGateway } from '../testing/gateway-harness.js';
import { PROJECT_ID, recorder, serviceError } from '../testing/project-fixtures.js';

const PAYMENT_ID = '4c5d6e7f-8091-4a2b-9c3d-4e5f6a7b8c9d';
const REFUND_ID = '5d6e7f80-91a2-4b3c-8d4e-5f6a7b8c9d0e';

const payment: billingV1.Payment = {
  id: PAYMENT_ID,
  projectId: PROJECT_ID,
  planId: 'pro',
  amount: 1900,
  currency: 'eur',
  status: 'pending',
  failureReason: '',
  refundedAmount: 0,
  receiptNumber: '',
  payerId: '6f1c1d1e-8a43-4a8e-9d0f-1f2a3b4c5d6e',
  createdAt: new Date('2024-06-01T08:30:00Z'),
  updatedAt: new Date('2024-06-01T08:30:01Z'),
};

describe('billing endpoints (real gateway, fake billing service)', () => {
  let gateway: TestGateway;
  let call: CallApi;
  let admin: string;
  let customer: string;
  const calls: Array<[string, unknown]> = [];
  const record = recorder(calls);

  beforeAll(async () => {
    const identities = await testIdentities();
    ({ admin, customer } = identities);
    gateway = await startTestGateway({
      auth: { getJwks: identities.getJwks },
      billing: {
        listPlans: record('plans', () => ({
          items: [
            { id: 'free', name: 'Free', price: { amount: 0, currency: 'eur' }, interval: 'month', limits: { members: 10, tasks: 250 } },
            {
              id: 'business',
              name: 'Business',
              price: { amount: 4900, currency: 'eur' },
              interval: 'month',
              limits: { members: 0, tasks: 0 },
            },
          ],
        })),
        checkout: record('checkout', () => ({ payment, clientSecret: 'pi_1_secret_2' })),
        confirmPayment: record('confirm', () => ({ payment: { ...payment, status: 'succeeded', receiptNumber: 'R-2024-000001' } })),
        listAllPayments: record('listAll', () => ({ items: [payment], nextCursor: '' })),
        refundPayment: record('refund', (request: { amount?: number }) => ({
          refund: {
            id: REFUND_ID,
            paymentId: PAYMENT_ID,
            amount: request.amount ?? 1900,
            status: 'succeeded',
            createdAt: new Date('2024-06-02T00:00:00Z'),
          },
          payment: { ...payment, status: 'succeeded', refundedAmount: request.amount ?? 1900 },
        })),
        handlePaymentWebhook: record('webhook', (request: { signature: string }) => {
          if (request.signature === 'bad') throw serviceError(3, 'INVALID_SIGNATURE', 'The webhook signature is invalid.');
          return {};
        }),
      },
    });
    call = apiCaller(gateway, customer);
  });
  afterAll(() => gateway.close());
  beforeEach(() => (calls.length = 0));

  it('lists the plans without sign-in, "no limit" as null', async () => {
    const answer = await call('GET', '/api/v1/plans', { token: null });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      items: [
        { id: 'free', name: 'Free', price: { amount: 0, currency: 'eur' }, interval: 'month', limits: { members: 10, tasks: 250 } },
        {
          id: 'business',
          name: 'Business',
          price: { amount: 4900, currency: 'eur' },
          interval: 'month',
          limits: { members: null, tasks: null },
        },
      ],
    });
  });

  it('checks out with the Idempotency-Key handed to the service; a repeat answers the same, another body is 422', async () => {
    const headers = { 'idempotency-key': 'checkout-key-1' };
    const first = await call('POST', `/api/v1/projects/${PROJECT_ID}/checkout`, { body: { planId: 'pro' }, headers });
    expect(first.status).toBe(201);
    expect(first.body).toEqual({ paymentId: PAYMENT_ID, status: 'pending', clientSecret: 'pi_1_secret_2' });
    expect(calls).toEqual([['checkout', { projectId: PROJECT_ID, planId: 'pro', idempotencyKey: 'checkout-key-1' }]]);

    const again = await call('POST', `/api/v1/projects/${PROJECT_ID}/checkout`, { body: { planId: 'pro' }, headers });
    expect(again).toMatchObject({ status: 201, body: first.body });
    const other = await call('POST', `/api/v1/projects/${PROJECT_ID}/checkout`, { body: { planId: 'business' }, headers });
    expect(other).toMatchObject({ status: 422, body: { code: 'IDEMPOTENCY_KEY_REUSED' } });
    expect(calls).toHaveLength(1);
  });

  it('refuses the free plan and unknown fields at the edge', async () => {
    const free = await call('POST', `/api/v1/projects/${PROJECT_ID}/checkout`, { body: { planId: 'free' } });
    expect(free).toMatchObject({ status: 400, body: { errors: [{ path: 'planId' }] } });
    expect(calls).toEqual([]);
  });

  it('confirms with a payment method and answers the payment', async () => {
    const answer = await call('POST', `/api/v1/payments/${PAYMENT_ID}/confirm`, { body: { paymentMethod: 'pm_card_visa' } });
    expect(answer).toMatchObject({
      status: 200,
      body: { id: PAYMENT_ID, status: 'succeeded', receiptNumber: 'R-2024-000001', failureReason: null },
    });
    expect(calls).toEqual([['confirm', { paymentId: PAYMENT_ID, paymentMethod: 'pm_card_visa' }]]);
  });

  it('passes a webhook’s body to the service byte for byte, with its signature', async () => {
    // Spacing and key order a JSON round trip would change, and a non-ASCII character.
    const raw = '{ "type":"payment_intent.succeeded",  "id" : "evt_1", "data": {"note": "café"} }\n';
    const response = await fetch(`${gateway.url}/api/v1/webhooks/payments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', 'stripe-signature': 't=1,v1=abc' },
      body: raw,
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ received: true });
    const [[name, request]] = calls as [[string, { rawBody: Buffer; signature: string }]];
    expect(name).toBe('webhook');
    expect(Buffer.from(request.rawBody).equals(Buffer.from(raw, 'utf8'))).toBe(true);
    expect(request.signature).toBe('t=1,v1=abc');
  });

  it('answers a webhook the service refuses, or one without a signature, with 400', async () => {
    const send = (headers: Record<string, string>) =>
      fetch(`${gateway.url}/api/v1/webhooks/payments`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: '{}',
      });
    const refused = await send({ 'stripe-signature': 'bad' });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ code: 'INVALID_SIGNATURE' });
    expect((await send({})).status).toBe(400);
  });

  it('still parses JSON on every other route (malformed JSON is 400 MALFORMED_JSON)', async () => {
    const response = await fetch(`${gateway.url}/api/v1/projects/${PROJECT_ID}/checkout`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${customer}` },
      body: '{"planId": ',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: 'MALFORMED_JSON' });
  });

  it('lets only administrators list all payments and refund, a whole refund without a body', async () => {
    expect((await call('GET', '/api/v1/admin/payments')).status).toBe(403);
    const listed = await call('GET', `/api/v1/admin/payments?status=pending&projectId=${PROJECT_ID}&limit=5`, { token: admin });
    expect(listed).toMatchObject({ status: 200, body: { items: [{ id: PAYMENT_ID }], nextCursor: null } });
    expect(calls.at(-1)).toEqual(['listAll', { status: 'pending', projectId: PROJECT_ID, limit: 5, cursor: '' }]);
    expect((await call('GET', '/api/v1/admin/payments?status=paid', { token: admin })).status).toBe(400);

    const whole = await call('POST', `/api/v1/admin/payments/${PAYMENT_ID}/refund`, { token: admin });
    expect(whole).toMatchObject({ status: 201, body: { id: REFUND_ID, amount: 1900, payment: { refundedAmount: 1900 } } });
    const part = await call('POST', `/api/v1/admin/payments/${PAYMENT_ID}/refund`, {
      token: admin,
      body: { amount: 300 },
      headers: { 'idempotency-key': 'refund-1' },
    });
    expect(part).toMatchObject({ status: 201, body: { amount: 300 } });
    expect(calls.filter(([name]) => name === 'refund').map(([, request]) => request)).toEqual([
      { paymentId: PAYMENT_ID, amount: undefined, idempotencyKey: '' },
      { paymentId: PAYMENT_ID, amount: 300, idempotencyKey: 'refund-1' },
    ]);
    expect((await call('POST', `/api/v1/admin/payments/${PAYMENT_ID}/refund`, { body: { amount: 300 } })).status).toBe(403);
  });
});
