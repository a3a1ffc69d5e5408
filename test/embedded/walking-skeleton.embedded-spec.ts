import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedProcess, TestGatewayClient, type EmbeddedProcess } from '@msp/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { walkTheStory } from '../story.js';

describe('the embedded platform (npm start), no servers', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'msp-embedded-'));
  let platform: EmbeddedProcess;
  let customer: Awaited<ReturnType<typeof walkTheStory>>;

  beforeAll(async () => {
    platform = await startEmbeddedProcess({
      dataDir,
      env: { PLATFORM_ADMIN_EMAIL: 'root@example.test', PLATFORM_ADMIN_PASSWORD: 'admin-password-1' },
    });
  });

  afterAll(async () => {
    await platform?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves health, readiness and the OpenAPI document', async () => {
    const gateway = new TestGatewayClient(platform.gatewayUrl);
    expect((await gateway.call('GET', '/health/live')).status).toBe(200);
    const ready = await gateway.call('GET', '/health/ready');
    expect(ready.status).toBe(200);
    expect(Object.keys(ready.body.checks).sort()).toEqual(['auth', 'comms', 'project', 'user']);
    const openapi = await gateway.call('GET', '/api/openapi.json');
    expect(openapi.body.openapi).toMatch(/^3\./);
    expect(Object.keys(openapi.body.paths)).toEqual(expect.arrayContaining(['/api/v1/auth/register', '/api/v1/me']));
  });

  it('walks register → email → verify → login → me', async () => {
    customer = await walkTheStory(platform.gatewayUrl, platform.inboxUrl);
  });

  it('creates and lists projects for their members only', async () => {
    const gateway = new TestGatewayClient(platform.gatewayUrl);
    const created = await gateway.call('POST', '/api/v1/projects', { token: customer.accessToken, body: { name: 'Website', key: 'WEB' } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Website', key: 'WEB', role: 'owner', plan: 'free', archived: false });
    const taken = await gateway.call('POST', '/api/v1/projects', { token: customer.accessToken, body: { name: 'Again', key: 'WEB' } });
    expect(taken.status).toBe(409);
    const list = await gateway.call('GET', '/api/v1/projects', { token: customer.accessToken });
    expect(list.body.items.map((p: { key: string }) => p.key)).toEqual(['WEB']);
    expect(list.body.nextCursor).toBeNull();

    const admin = await gateway.call('POST', '/api/v1/auth/login', { body: { email: 'root@example.test', password: 'admin-password-1' } });
    const stranger = await gateway.call('GET', `/api/v1/projects/${created.body.id}`, { token: admin.body.accessToken });
    expect(stranger.status).toBe(404);
  });

  it('shows the delivery log to administrators only', async () => {
    const gateway = new TestGatewayClient(platform.gatewayUrl);
    expect((await gateway.call('GET', '/api/v1/admin/emails', { token: customer.accessToken })).status).toBe(403);
    const admin = await gateway.call('POST', '/api/v1/auth/login', { body: { email: 'root@example.test', password: 'admin-password-1' } });
    const log = await gateway.call('GET', '/api/v1/admin/emails', { token: admin.body.accessToken });
    expect(log.status).toBe(200);
    expect(log.body.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ to: customer.email, status: 'sent', template: 'verify-email.v1' })]),
    );
  });

  it('never writes a password or token to its logs', () => {
    expect(platform.output()).not.toContain(customer.password);
    expect(platform.output()).not.toContain('admin-password-1');
  });

  it('stops cleanly on SIGTERM and keeps its data across a restart', async () => {
    expect(await platform.stop()).toBe(0);
    platform = await startEmbeddedProcess({ dataDir });
    const gateway = new TestGatewayClient(platform.gatewayUrl);
    const login = await gateway.call('POST', '/api/v1/auth/login', { body: { email: customer.email, password: customer.password } });
    expect(login.status).toBe(200);
    const list = await gateway.call('GET', '/api/v1/projects', { token: login.body.accessToken });
    expect(list.body.items).toHaveLength(1);
  });
});
