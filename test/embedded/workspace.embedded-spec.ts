import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DevInboxClient, startEmbeddedProcess, TestGatewayClient, type EmbeddedProcess } from '@msp/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newCustomer } from '../security-helpers.js';

describe('the workspace through the gateway: tasks, concurrency, freshness', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'msp-workspace-'));
  let platform: EmbeddedProcess;
  let gateway: TestGatewayClient;
  let owner: Awaited<ReturnType<typeof newCustomer>>;
  let projectId: string;
  let key: string;

  beforeAll(async () => {
    platform = await startEmbeddedProcess({ dataDir });
    gateway = new TestGatewayClient(platform.gatewayUrl);
    owner = await newCustomer(gateway, new DevInboxClient(platform.inboxUrl), 'workspace');
    key = `W${randomBytes(3).toString('hex').toUpperCase()}`;
    const project = await gateway.call('POST', '/api/v1/projects', { token: owner.accessToken, body: { name: 'Workspace', key } });
    projectId = project.body.id;
  });

  afterAll(async () => {
    await platform?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const tasksPath = () => `/api/v1/projects/${projectId}/tasks`;

  it('numbers 50 tasks created at once 1..50, each once', async () => {
    const created = await Promise.all(
      Array.from({ length: 50 }, (_, i) => gateway.call('POST', tasksPath(), { token: owner.accessToken, body: { title: `Task ${i}` } })),
    );
    expect(created.map((response) => response.status)).toEqual(Array(50).fill(201));
    const numbers = created.map((response) => response.body.number as number).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(created.every((response) => response.body.key === `${key}-${response.body.number}`)).toBe(true);
  });

  it('lets one of two writers with the same version win; the other gets 409', async () => {
    const task = (await gateway.call('POST', tasksPath(), { token: owner.accessToken, body: { title: 'Contended' } })).body;
    const write = (title: string) =>
      gateway.call('PATCH', `${tasksPath()}/${task.id}`, {
        token: owner.accessToken,
        body: { title },
        headers: { 'if-match': `"${task.version}"` },
      });
    const results = await Promise.all([write('first'), write('second')]);
    expect(results.map((result) => result.status).sort()).toEqual([200, 409]);
    const conflict = results.find((result) => result.status === 409)!;
    expect(conflict.body.code).toBe('VERSION_CONFLICT');
    const missing = await gateway.call('PATCH', `${tasksPath()}/${task.id}`, { token: owner.accessToken, body: { title: 'no version' } });
    expect(missing.status).toBe(428);
  });

  it('pages through tasks with cursors, every task exactly once', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: any = await gateway.call('GET', `${tasksPath()}?limit=7${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, {
        token: owner.accessToken,
      });
      expect(page.status).toBe(200);
      seen.push(...page.body.items.map((task: { id: string }) => task.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(51);
  });

  it('shows a profile change on the very next read', async () => {
    const patched = await gateway.call('PATCH', '/api/v1/me', {
      token: owner.accessToken,
      body: { displayName: 'Renamed Owner', timezone: 'Europe/Berlin' },
    });
    expect(patched.status).toBe(200);
    const me = await gateway.call('GET', '/api/v1/me', { token: owner.accessToken });
    expect(me.body).toMatchObject({ displayName: 'Renamed Owner', timezone: 'Europe/Berlin' });
  });

  it('rejects bad input with 400 and the fields, never a 500', async () => {
    const bad = await gateway.call('POST', tasksPath(), {
      token: owner.accessToken,
      body: { title: 'x'.repeat(500), status: 'someday', priority: 7, dueDate: 'tomorrow', labels: 'one', extra: true },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((error: { path: string }) => error.path)).toEqual(
      expect.arrayContaining(['title', 'status', 'priority', 'dueDate', 'labels', 'extra']),
    );
  });
});
