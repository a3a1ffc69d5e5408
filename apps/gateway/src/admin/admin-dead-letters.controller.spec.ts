import type { opsV1 } from '@msp/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCaller, testIdentities, type CallApi } from '../testing/api-caller.js';
import { startTestGateway, type TestGateway } from '../testing/gateway-harness.js';
import { recorder, serviceError } from '../testing/project-fixtures.js';

const EVENT_ID = '0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d';
const OTHER_EVENT_ID = '1c2d3e4f-5061-4b7c-9d8e-0f1a2b3c4d5e';

function deadLetter(queue: string, eventId: string, at: string | undefined, payloadJson = '{"type":"auth.user.registered.v1"}') {
  return {
    id: `${queue}:${eventId}`,
    queue,
    eventId,
    eventType: payloadJson.startsWith('{') ? 'auth.user.registered.v1' : '',
    payloadJson,
    reason: 'Error: smtp down',
    attempts: 4,
    deadLetteredAt: at === undefined ? undefined : new Date(at),
  } satisfies opsV1.DeadLetter;
}

describe('admin dead letters (real gateway, fake consuming services)', () => {
  let gateway: TestGateway;
  let call: CallApi;
  let customer: string;
  const calls: Array<[string, unknown]> = [];
  const record = recorder(calls);

  beforeAll(async () => {
    const identities = await testIdentities();
    customer = identities.customer;
    const redrive = (queue: string) =>
      record(`${queue}.redrive`, (request: { id?: string }) => {
        if (request.id !== `${queue}:${EVENT_ID}`) throw serviceError(5, 'DEAD_LETTER_NOT_FOUND');
        return {};
      });
    gateway = await startTestGateway({
      auth: { getJwks: identities.getJwks },
      deadLetters: {
        comms: {
          listDeadLetters: record('comms.list', () => ({
            items: [deadLetter('comms', EVENT_ID, '2024-06-01T10:00:00Z'), deadLetter('comms', OTHER_EVENT_ID, '2024-06-03T10:00:00Z')],
          })),
          redriveDeadLetter: redrive('comms'),
        },
        user: {
          // The same event failed in the user queue too, and an unreadable message was dead-lettered by the broker.
          listDeadLetters: record('user.list', () => ({
            items: [deadLetter('user', EVENT_ID, '2024-06-02T10:00:00Z'), deadLetter('user', OTHER_EVENT_ID, undefined, 'not json {')],
          })),
          redriveDeadLetter: redrive('user'),
        },
        project: {
          // Services sharing one process must not report a queue twice; if they did, it still counts once.
          listDeadLetters: record('project.list', () => ({ items: [deadLetter('comms', EVENT_ID, '2024-06-01T10:00:00Z')] })),
          redriveDeadLetter: async () => {
            throw serviceError(14, 'UNAVAILABLE');
          },
        },
      },
    });
    call = apiCaller(gateway, identities.admin);
  });
  afterAll(() => gateway.close());

  it('merges every consuming service’s dead letters, oldest first, each once', async () => {
    const answer = await call('GET', '/api/v1/admin/dead-letters');
    expect(answer.status).toBe(200);
    const body = answer.body as { items: Array<Record<string, unknown>>; nextCursor: null };
    expect(body.nextCursor).toBeNull();
    expect(body.items.map((item) => item['id'])).toEqual([
      `user:${OTHER_EVENT_ID}`,
      `comms:${EVENT_ID}`,
      `user:${EVENT_ID}`,
      `comms:${OTHER_EVENT_ID}`,
    ]);
    expect(body.items[0]).toEqual({
      id: `user:${OTHER_EVENT_ID}`,
      queue: 'user',
      eventId: OTHER_EVENT_ID,
      eventType: null,
      payload: 'not json {',
      reason: 'Error: smtp down',
      attempts: 4,
      deadLetteredAt: null,
    });
    expect(body.items[1]).toMatchObject({
      eventType: 'auth.user.registered.v1',
      payload: { type: 'auth.user.registered.v1' },
      deadLetteredAt: '2024-06-01T10:00:00.000Z',
    });
    expect(calls.filter(([name]) => name.endsWith('.list')).map(([, request]) => request)).toEqual([
      { limit: 20 },
      { limit: 20 },
      { limit: 20 },
    ]);
  });

  it('answers at most `limit` of them and refuses a bad limit', async () => {
    const answer = await call('GET', '/api/v1/admin/dead-letters?limit=2');
    expect((answer.body as { items: unknown[] }).items).toHaveLength(2);
    expect(calls.at(-1)).toEqual([expect.stringMatching(/\.list$/), { limit: 2 }]);
    expect((await call('GET', '/api/v1/admin/dead-letters?limit=101')).status).toBe(400);
    expect((await call('GET', '/api/v1/admin/dead-letters?cursor=x')).status).toBe(400);
  });

  it('redrives through the service whose queue the id names, with 202', async () => {
    const answer = await call('POST', `/api/v1/admin/dead-letters/user:${EVENT_ID}/redrive`);
    expect(answer.status).toBe(202);
    expect(calls.at(-1)).toEqual(['user.redrive', { id: `user:${EVENT_ID}` }]);
    // As generated clients send it: the colon percent-encoded.
    expect((await call('POST', `/api/v1/admin/dead-letters/comms%3A${EVENT_ID}/redrive`)).status).toBe(202);
    expect(calls.at(-1)).toEqual(['comms.redrive', { id: `comms:${EVENT_ID}` }]);
  });

  it('answers 404 for an unknown dead letter, an unknown queue and a malformed id', async () => {
    const unknown = await call('POST', `/api/v1/admin/dead-letters/comms:${OTHER_EVENT_ID}/redrive`);
    expect(unknown).toMatchObject({ status: 404, body: { code: 'DEAD_LETTER_NOT_FOUND' } });
    const before = calls.length;
    for (const id of [`billing:${EVENT_ID}`, `constructor:${EVENT_ID}`, EVENT_ID, `comms:`, `Comms:${EVENT_ID}`]) {
      expect((await call('POST', `/api/v1/admin/dead-letters/${id}/redrive`)).status, id).toBe(404);
    }
    expect(calls.length).toBe(before);
  });

  it('passes a failing service on as 503', async () => {
    expect((await call('POST', `/api/v1/admin/dead-letters/project:${EVENT_ID}/redrive`)).status).toBe(503);
  });

  it('refuses customers with 403 before calling any service', async () => {
    const before = calls.length;
    expect((await call('GET', '/api/v1/admin/dead-letters', { token: customer })).status).toBe(403);
    expect((await call('POST', `/api/v1/admin/dead-letters/user:${EVENT_ID}/redrive`, { token: customer })).status).toBe(403);
    expect(calls.length).toBe(before);
  });
});
