import type { commsV1 } from '@msp/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCaller, testIdentities, type CallApi } from '../testing/api-caller.js';
import { startTestGateway, type TestGateway } from '../testing/gateway-harness.js';
import { recorder, serviceError, UNKNOWN_ID } from '../testing/project-fixtures.js';

const DELIVERY_ID = '2a3b4c5d-6e7f-4a8b-9c0d-1e2f3a4b5c6d';
const RESENT_ID = '3b4c5d6e-7f80-4b9c-8d1e-2f3a4b5c6d7e';

const resent: commsV1.EmailDelivery = {
  id: RESENT_ID,
  to: 'ada@example.com',
  template: 'verify-email',
  status: 'queued',
  attempts: 0,
  lastError: '',
  createdAt: new Date('2024-06-05T12:00:00Z'),
  sentAt: undefined,
};

describe('admin email resend (real gateway, fake comms service)', () => {
  let gateway: TestGateway;
  let call: CallApi;
  let customer: string;
  const calls: Array<[string, unknown]> = [];
  const record = recorder(calls);

  beforeAll(async () => {
    const identities = await testIdentities();
    customer = identities.customer;
    gateway = await startTestGateway({
      auth: { getJwks: identities.getJwks },
      comms: {
        resendEmailDelivery: record('resend', (request: { id?: string }) => {
          if (request.id === UNKNOWN_ID) throw serviceError(5, 'DELIVERY_NOT_FOUND');
          return { delivery: resent };
        }),
      },
    });
    call = apiCaller(gateway, identities.admin);
  });
  afterAll(() => gateway.close());

  it('queues a new delivery and answers it with 202', async () => {
    const answer = await call('POST', `/api/v1/admin/emails/${DELIVERY_ID}/resend`);
    expect(answer.status).toBe(202);
    expect(answer.body).toEqual({
      id: RESENT_ID,
      to: 'ada@example.com',
      template: 'verify-email',
      status: 'queued',
      attempts: 0,
      lastError: null,
      createdAt: '2024-06-05T12:00:00.000Z',
      sentAt: null,
    });
    expect(calls.at(-1)).toEqual(['resend', { id: DELIVERY_ID }]);
  });

  it('resends once for a repeated Idempotency-Key', async () => {
    const headers = { 'idempotency-key': 'resend-once-1' };
    const first = await call('POST', `/api/v1/admin/emails/${DELIVERY_ID}/resend`, { headers });
    const before = calls.length;
    const again = await call('POST', `/api/v1/admin/emails/${DELIVERY_ID}/resend`, { headers });
    expect(again).toMatchObject({ status: 202, body: first.body });
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(calls.length).toBe(before);
  });

  it('answers 404 for an unknown or malformed delivery id', async () => {
    expect(await call('POST', `/api/v1/admin/emails/${UNKNOWN_ID}/resend`)).toMatchObject({
      status: 404,
      body: { code: 'DELIVERY_NOT_FOUND' },
    });
    expect((await call('POST', '/api/v1/admin/emails/42/resend')).status).toBe(404);
  });

  it('refuses customers with 403 before calling the service', async () => {
    const before = calls.length;
    expect((await call('POST', `/api/v1/admin/emails/${DELIVERY_ID}/resend`, { token: customer })).status).toBe(403);
    expect(calls.length).toBe(before);
  });
});
