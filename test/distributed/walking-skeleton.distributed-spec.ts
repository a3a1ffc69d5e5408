import { randomBytes } from 'node:crypto';
import { DevInboxClient, TestGatewayClient } from '@msp/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDistributedPlatform } from '../platforms.js';
import { walkTheStory } from '../story.js';

describe('the distributed platform: one process per service, real PostgreSQL, Redis and RabbitMQ', () => {
  let platform: Awaited<ReturnType<typeof startDistributedPlatform>>;
  let gateway: TestGatewayClient;
  let inbox: DevInboxClient;

  beforeAll(async () => {
    platform = await startDistributedPlatform({ LOG_LEVEL: 'warn' }, { output: 'inherit' });
    gateway = new TestGatewayClient(platform.gatewayUrl);
    inbox = new DevInboxClient(platform.inboxUrl);
  });

  afterAll(async () => {
    await platform?.stop();
  });

  it('walks register → email → verify → login → me through the real transports', async () => {
    await walkTheStory(platform.gatewayUrl, platform.inboxUrl);
  });

  it('reports every service ready, and 503 while one is down', async () => {
    expect((await gateway.call('GET', '/health/ready')).status).toBe(200);
    await platform.processes.kill('user-service');
    const degraded = await gateway.call('GET', '/health/ready');
    expect(degraded.status).toBe(503);
    expect(degraded.body.checks.user.status).toBe('down');
    expect(degraded.body.checks.auth.status).toBe('ok');
    expect((await gateway.call('GET', '/health/live')).status).toBe(200);
    await platform.processes.restart('user-service');
    // The gateway's channel reconnects with a short backoff: ready again within seconds.
    await expect.poll(async () => (await gateway.call('GET', '/health/ready')).status, { timeout: 10_000, interval: 250 }).toBe(200);
  });

  const register = async (label: string) => {
    const email = `${label}-${randomBytes(4).toString('hex')}@example.test`;
    const response = await gateway.call('POST', '/api/v1/auth/register', {
      body: { email, password: 'long-enough-password', displayName: label },
    });
    expect(response.status).toBe(201);
    return email;
  };

  /** Waits for the first email, then long enough that a duplicate would have arrived too. */
  const deliveredExactlyOnce = async (email: string) => {
    await inbox.waitForMessageTo(email, 30_000);
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(await inbox.messagesTo(email)).toHaveLength(1);
  };

  it('delivers exactly one verification email when comms is killed (kill -9) right after a registration', async () => {
    const email = await register('killed-mid-flight');
    await platform.processes.kill('comms-service');
    await platform.processes.restart('comms-service');
    await deliveredExactlyOnce(email);
  });

  it('delivers exactly one verification email for registrations made while comms is down', async () => {
    await platform.processes.kill('comms-service');
    const emails = await Promise.all(['down-1', 'down-2', 'down-3'].map(register));
    expect(await inbox.messagesTo(emails[0]!)).toHaveLength(0);
    await platform.processes.restart('comms-service');
    for (const email of emails) await deliveredExactlyOnce(email);
  });
});
