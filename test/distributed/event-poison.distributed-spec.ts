import { randomBytes, randomUUID } from 'node:crypto';
import { consumerQueues, DevInboxClient, publishRaw, queueDepths, realServers, TcpProxy, TestGatewayClient } from '@msp/testing';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startDistributedPlatform } from '../platforms.js';

// Dead letters end to end: a message comms can never handle is retried, parked in `comms.dlq` and
// does not hold up the events behind it; an event that failed only because comms' database was
// away is re-driven by an administrator through the gateway once the database is back, and its
// email goes out exactly once.

/** Short redelivery delays (BUS_RETRY_DELAYS_MS) so a message reaches the DLQ in seconds, not 36 s. */
const RETRY_DELAYS_MS = [1_000, 2_000, 4_000];
const ADMIN = { email: 'events-admin@example.test', password: 'events-admin-password-1' };
const EXCHANGE = 'msp.events';
const VERIFICATION_REQUESTED = 'auth.email_verification.requested.v1';

interface DeadLetterView {
  id: string;
  queue: string;
  eventId: string;
  eventType: string | null;
  payload: any;
  reason: string;
  attempts: number;
  deadLetteredAt: string | null;
}

describe('dead letters: a poison message is parked without blocking comms, a re-driven one is delivered once', () => {
  const run = randomBytes(3).toString('hex');
  const pgProxy = new TcpProxy(new URL(realServers.postgres).hostname, Number(new URL(realServers.postgres).port || 5432));
  let platform: Awaited<ReturnType<typeof startDistributedPlatform>>;
  let gateway: TestGatewayClient;
  let inbox: DevInboxClient;
  let adminToken: string;
  const poisonId = randomUUID();

  beforeAll(async () => {
    await pgProxy.start();
    platform = await startDistributedPlatform(
      {
        LOG_LEVEL: 'warn',
        BUS_RETRY_DELAYS_MS: RETRY_DELAYS_MS.join(','),
        PLATFORM_ADMIN_EMAIL: ADMIN.email,
        PLATFORM_ADMIN_PASSWORD: ADMIN.password,
      },
      { overrides: { comms: (env) => ({ COMMS_DATABASE_URL: pgProxy.wrap(env.COMMS_DATABASE_URL!) }) }, output: 'ignore' },
    );
    gateway = new TestGatewayClient(platform.gatewayUrl);
    inbox = new DevInboxClient(platform.inboxUrl);
    const login = await gateway.call('POST', '/api/v1/auth/login', { body: ADMIN });
    expect(login.status).toBe(200);
    adminToken = login.body.accessToken;
  });

  afterAll(async () => {
    await platform?.stop();
    await pgProxy.close();
  });

  const register = async (label: string) => {
    const email = `${label}-${run}@example.test`;
    const response = await gateway.call('POST', '/api/v1/auth/register', {
      body: { email, password: 'long-enough-password', displayName: label },
    });
    expect(response.status).toBe(201);
    return email;
  };
  const deadLetters = async (): Promise<DeadLetterView[]> => {
    const response = await gateway.call('GET', '/api/v1/admin/dead-letters?limit=100', { token: adminToken });
    expect(response.status).toBe(200);
    return response.body.items;
  };
  const commsQueues = () => queueDepths(platform.amqpUrl, consumerQueues('comms', RETRY_DELAYS_MS.length));
  const drainedExceptDlq = (dlq: number) =>
    Object.fromEntries(consumerQueues('comms', RETRY_DELAYS_MS.length).map((queue) => [queue, queue === 'comms.dlq' ? dlq : 0]));

  it('parks a schema-invalid event in comms.dlq after its retries, while the event behind it is handled', async () => {
    // Straight onto the exchange, as a faulty producer would: a known type whose payload breaks its schema.
    await publishRaw(platform.amqpUrl, {
      exchange: EXCHANGE,
      routingKey: VERIFICATION_REQUESTED,
      messageId: poisonId,
      type: VERIFICATION_REQUESTED,
      body: {
        specversion: '1.0',
        id: poisonId,
        source: 'a-faulty-producer',
        type: VERIFICATION_REQUESTED,
        time: new Date().toISOString(),
        datacontenttype: 'application/json',
        data: { userId: 'not-a-uuid', email: 'not-an-address', token: 'short' },
      },
    });
    const email = await register('after-poison');

    await inbox.waitForMessageTo(email, 20_000);
    const deliveredAt = Date.now();
    const poison = await vi.waitFor(
      async () => {
        const found = (await deadLetters()).find((letter) => letter.eventId === poisonId);
        if (!found) throw new Error('the poison message is not in the dead-letter queue yet');
        return found;
      },
      { timeout: 30_000, interval: 250 },
    );
    const parkedAt = Date.now();

    // Handled while the poison was still being retried: it never stood in the way.
    expect(deliveredAt).toBeLessThan(parkedAt);
    expect(poison).toMatchObject({
      id: `comms:${poisonId}`,
      queue: 'comms',
      eventType: VERIFICATION_REQUESTED,
      attempts: RETRY_DELAYS_MS.length + 1,
      reason: expect.stringContaining(`invalid ${VERIFICATION_REQUESTED} payload`),
    });
    expect(await inbox.messagesTo(email)).toHaveLength(1);
    expect(await commsQueues()).toEqual(drainedExceptDlq(1));
  }, 90_000);

  it('re-drives the events that failed while comms could not reach its database, and each sends once', async () => {
    pgProxy.cut();
    const email = await register('redriven');
    const forThisUser = (letters: DeadLetterView[]) => letters.filter((letter) => letter.payload?.data?.email === email);
    let parked: DeadLetterView[] = [];
    try {
      // Both auth events of the sign-up fail in comms (the user and project queues took theirs).
      await expect.poll(async () => (parked = forThisUser(await deadLetters())).length, { timeout: 40_000, interval: 250 }).toBe(2);
    } finally {
      pgProxy.restore();
    }
    expect(parked.map((letter) => letter.eventType).sort()).toEqual(['auth.email_verification.requested.v1', 'auth.user.registered.v1']);
    expect(parked.every((letter) => letter.queue === 'comms' && letter.attempts === RETRY_DELAYS_MS.length + 1)).toBe(true);
    expect(await inbox.messagesTo(email)).toHaveLength(0);

    // The cause is fixed (the database is back): an administrator hands both back to comms.
    for (const letter of parked) {
      const redriven = await gateway.call('POST', `/api/v1/admin/dead-letters/${encodeURIComponent(letter.id)}/redrive`, {
        token: adminToken,
      });
      expect(redriven.status).toBe(202);
    }
    await inbox.waitForMessageTo(email, 20_000);
    // Long enough for a duplicate to show up if the re-drive had delivered anything twice.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(await inbox.messagesTo(email)).toHaveLength(1);
    expect(forThisUser(await deadLetters())).toEqual([]);
    // Only the poison is left, and re-driving something that is gone is a 404.
    expect((await deadLetters()).map((letter) => letter.eventId)).toEqual([poisonId]);
    const again = await gateway.call('POST', `/api/v1/admin/dead-letters/${encodeURIComponent(parked[0]!.id)}/redrive`, {
      token: adminToken,
    });
    expect(again.status).toBe(404);
    expect(await commsQueues()).toEqual(drainedExceptDlq(1));
  }, 120_000);
});
