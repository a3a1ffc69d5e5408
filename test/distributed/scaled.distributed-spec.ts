import { DevInboxClient, TestGatewayClient } from '@msp/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { authSecuritySuite, SECURITY_ADMIN, securityEnv } from '../auth-security-suite.js';
import { BILLING_ADMIN, billingEnv, billingSuite } from '../billing-suite.js';
import { eventState, loadUntil, type LoadRecord } from '../drain-under-load.js';
import { notificationPreferencesSuite } from '../notification-preferences-suite.js';
import { scaledOut, startDistributedPlatform } from '../platforms.js';
import { joinProject, newProject } from '../project-helpers.js';
import { projectAuthorizationSuite } from '../project-authorization-suite.js';
import { projectReadFreshnessSuite } from '../project-read-freshness-suite.js';
import { newCustomer } from '../security-helpers.js';
import { walkTheStory } from '../story.js';
import { workspaceSuite } from '../workspace-suite.js';

// Issue 9's scale-out on one machine: two replicas of every service and two gateways behind the
// entry proxy (`npm run start:distributed -- --scaled`). The shared end-to-end suites run through
// the entry proxy against one platform started once for this file; then SIGTERM reaches one process
// of each kind while traffic flows, and no accepted request fails and no event is lost.

const env = {
  ...securityEnv,
  ...billingEnv,
  // One administrator is created at start (the security suite's); the billing suite's is promoted by it.
  PLATFORM_ADMIN_EMAIL: SECURITY_ADMIN.email,
  PLATFORM_ADMIN_PASSWORD: SECURITY_ADMIN.password,
  RATE_LIMIT_GLOBAL_PER_MINUTE: '1000000',
  RATE_LIMIT_SENSITIVE_PER_MINUTE: '100000',
  RATE_LIMIT_AUTH_PER_MINUTE: '100000',
  RATE_LIMIT_LOGIN_PER_MINUTE: '100000',
  INBOX_MAX_MESSAGES: '20000',
  SHUTDOWN_GRACE_MS: '8000',
};

let started: ReturnType<typeof startDistributedPlatform> | undefined;
const platform = () => (started ??= startDistributedPlatform(env, scaledOut));
/** The shared platform for a suite, whose own stop leaves it running for the next one. */
const borrowed = async () => ({ ...(await platform()), stop: async () => {} });

afterAll(async () => {
  await (await started)?.stop();
}, 60_000);

describe('scaled out: 2 replicas of every service, 2 gateways behind the entry proxy', () => {
  it('runs every replica and spreads gRPC calls over them', async () => {
    const { processes, gatewayUrl } = await platform();
    expect(processes.names()).toEqual(
      expect.arrayContaining(['auth-service-2', 'user-service-2', 'project-service-2', 'comms-service-2', 'gateway-2', 'entry-proxy']),
    );
    expect(processes.urls.gateways).toHaveLength(2);
    const ready = await new TestGatewayClient(gatewayUrl).call('GET', '/health/ready');
    expect(ready.status).toBe(200);
  });

  it('walks register → email → verify → login → me through the entry proxy', async () => {
    const { gatewayUrl, inboxUrl } = await platform();
    await walkTheStory(gatewayUrl, inboxUrl);
  });
});

workspaceSuite('scaled distributed platform', borrowed);
projectAuthorizationSuite('scaled distributed platform', borrowed);
// Through the entry proxy consecutive requests alternate between the gateways: a change answered by
// one must show in the next read answered from the other's cache.
projectReadFreshnessSuite('scaled distributed platform', borrowed);
notificationPreferencesSuite('scaled distributed platform', borrowed);
authSecuritySuite('scaled distributed platform', borrowed);
billingSuite('scaled distributed platform', async () => {
  const shared = await borrowed();
  await promoteBillingAdmin(shared.gatewayUrl, shared.inboxUrl);
  return { ...shared, paymentSandboxUrl: shared.processes.urls.paymentSandbox };
});

/** The billing suite signs in as its own administrator: an account made an admin by the platform's one. */
async function promoteBillingAdmin(gatewayUrl: string, inboxUrl: string) {
  const gateway = new TestGatewayClient(gatewayUrl);
  const account = await gateway.signUp(new DevInboxClient(inboxUrl), { ...BILLING_ADMIN, displayName: 'Billing admin' });
  const admin = await gateway.call('POST', '/api/v1/auth/login', { body: SECURITY_ADMIN });
  const promoted = await gateway.call('PUT', `/api/v1/admin/users/${account.userId}/roles`, {
    token: admin.body.accessToken,
    body: { roles: ['customer', 'admin'] },
  });
  expect(promoted.status).toBe(200);
}

describe('SIGTERM to one replica of each service and to one gateway, under load', () => {
  it('fails no accepted request and loses no event', async () => {
    const { processes, gatewayUrl, inboxUrl, amqpUrl } = await platform();
    const gateway = new TestGatewayClient(gatewayUrl);
    const inbox = new DevInboxClient(inboxUrl);
    const owner = await newCustomer(gateway, inbox, 'drain-owner');
    const assignee = await newCustomer(gateway, inbox, 'drain-assignee');
    const { id: projectId } = await newProject(gateway, owner.accessToken, 'Drain');
    await joinProject(gateway, inbox, { ownerToken: owner.accessToken, projectId, role: 'member' }, assignee);

    const timeline: string[] = [];
    const t0 = performance.now();
    const note = (what: string) => timeline.push(`${((performance.now() - t0) / 1000).toFixed(1).padStart(5)} s  ${what}`);
    // Each in turn while the traffic flows: SIGTERM (it drains and exits), then start it again so
    // the next one always has a partner to take over.
    const restarts = (async () => {
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      for (const name of ['gateway', 'project-service', 'auth-service', 'user-service', 'comms-service', 'gateway-2']) {
        note(`SIGTERM ${name}`);
        await processes.terminate(name);
        note(`${name} exited`);
        await processes.start(name);
        note(`${name} started again`);
      }
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    })();
    const record: LoadRecord = await loadUntil(
      { gateway, ownerToken: owner.accessToken, projectId, assigneeId: assignee.userId },
      restarts,
    );
    note(`load done: ${record.requests} requests, ${record.taskKeys.length} tasks, ${record.signUps.length} sign-ups`);
    console.log(timeline.join('\n'));
    expect(record.failures).toEqual([]);
    expect(record.taskKeys.length).toBeGreaterThan(20);

    const where = { inboxUrl, amqpUrl, databases: processes.databases, assigneeEmail: assignee.email };
    const settled = { tasks: { missing: 0, duplicated: 0 }, signUps: { missing: 0, duplicated: 0 }, unpublished: 0, queued: 0 };
    let state = await eventState(record, where);
    const deadline = Date.now() + 60_000;
    while (JSON.stringify(state) !== JSON.stringify(settled) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      state = await eventState(record, where);
    }
    expect(state).toEqual(settled);
  }, 240_000);
});
