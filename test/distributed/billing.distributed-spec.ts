import { randomUUID } from 'node:crypto';
import { DevInboxClient, TestGatewayClient } from '@msp/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { billingEnv, billingSuite, eventually } from '../billing-suite.js';
import { PaymentSandboxClient } from '../payment-sandbox-client.js';
import { startDistributedPlatform } from '../platforms.js';
import { newProject } from '../project-helpers.js';
import { newCustomer } from '../security-helpers.js';

const env = { ...billingEnv, LOG_LEVEL: 'warn' };

billingSuite('distributed platform', async () => {
  const platform = await startDistributedPlatform(env);
  return { ...platform, paymentSandboxUrl: platform.processes.urls.paymentSandbox };
});

describe('billing when the project service is killed (kill -9) between the gateway call and its commit', () => {
  let platform: Awaited<ReturnType<typeof startDistributedPlatform>>;
  let gateway: TestGatewayClient;
  let sandbox: PaymentSandboxClient;

  beforeAll(async () => {
    platform = await startDistributedPlatform(env);
    gateway = new TestGatewayClient(platform.gatewayUrl);
    sandbox = new PaymentSandboxClient(platform.processes.urls.paymentSandbox);
  });
  afterAll(async () => {
    await platform?.stop();
  });

  it('loses no payment and charges none twice: after the restart the reconciler settles it', async () => {
    const owner = await newCustomer(gateway, new DevInboxClient(platform.inboxUrl), 'killed');
    const { id: projectId } = await newProject(gateway, owner.accessToken, 'Killed');
    const started = await gateway.call('POST', `/api/v1/projects/${projectId}/checkout`, {
      token: owner.accessToken,
      body: { planId: 'pro' },
      headers: { 'idempotency-key': randomUUID() },
    });
    expect(started.status).toBe(201);
    await sandbox.quiet();
    // The webhook is lost as well: only the restarted service's reconciler can learn of the charge.
    await sandbox.setFaults({ dropNext: 1 });

    // The timeout card charges at once and holds the answer: the service is killed while it waits.
    const confirming = gateway.call('POST', `/api/v1/payments/${started.body.paymentId}/confirm`, {
      token: owner.accessToken,
      body: { paymentMethod: 'pm_card_timeout' },
    });
    const deadline = Date.now() + 5_000;
    while ((await sandbox.chargesOf(projectId)).length === 0 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 10));
    await platform.processes.kill('project-service');
    expect((await confirming).status).toBeGreaterThanOrEqual(500);

    await platform.processes.restart('project-service');
    const payment = await eventually(async () => {
      const [found] = (await gateway.call('GET', `/api/v1/projects/${projectId}/payments`, { token: owner.accessToken })).body.items;
      expect(found.status).toBe('succeeded');
      return found;
    });
    expect(payment).toMatchObject({ amount: 1900, receiptNumber: expect.stringMatching(/^R-/) });
    expect((await sandbox.chargesOf(projectId)).filter((charge) => charge.status === 'succeeded')).toHaveLength(1);
    expect((await gateway.call('GET', `/api/v1/projects/${projectId}`, { token: owner.accessToken })).body.plan).toBe('pro');
  });
});
