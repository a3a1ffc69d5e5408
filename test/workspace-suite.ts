import { DevInboxClient, TestGatewayClient } from '@msp/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningPlatform } from './platforms.js';
import { joinProject, newProject } from './project-helpers.js';
import { newCustomer } from './security-helpers.js';

/** What the suite needs the platform started with (both modes): sign-ups and invitations from one address. */
export const workspaceEnv = { RATE_LIMIT_SENSITIVE_PER_MINUTE: '1000', RATE_LIMIT_LOGIN_PER_MINUTE: '1000' };

/**
 * The workspace through the gateway: task numbering under concurrency, optimistic concurrency,
 * keyset paging, validation, and that cached reads (profiles, memberships) are fresh on the very
 * next request after a change.
 */
export function workspaceSuite(mode: string, start: () => Promise<RunningPlatform>) {
  describe(`the workspace through the gateway: tasks, concurrency, freshness (${mode})`, () => {
    let platform: RunningPlatform;
    let gateway: TestGatewayClient;
    let inbox: DevInboxClient;
    let owner: Awaited<ReturnType<typeof newCustomer>>;
    let projectId: string;
    let key: string;

    beforeAll(async () => {
      platform = await start();
      gateway = new TestGatewayClient(platform.gatewayUrl);
      inbox = new DevInboxClient(platform.inboxUrl);
      owner = await newCustomer(gateway, inbox, 'workspace');
      ({ id: projectId, key } = await newProject(gateway, owner.accessToken, 'Workspace'));
    });

    afterAll(async () => {
      await platform?.stop();
    });

    const tasksPath = () => `/api/v1/projects/${projectId}/tasks`;
    const shouted = (path: string) => path.replace(projectId, projectId.toUpperCase());

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

    it('shows a profile change on the very next read, every time', async () => {
      for (const [displayName, timezone] of [
        ['Renamed Owner', 'Europe/Berlin'],
        ['Renamed Again', 'America/New_York'],
        ['Workspace Owner', 'UTC'],
      ] as const) {
        const patched = await gateway.call('PATCH', '/api/v1/me', { token: owner.accessToken, body: { displayName, timezone } });
        expect(patched.status).toBe(200);
        const me = await gateway.call('GET', '/api/v1/me', { token: owner.accessToken });
        expect(me.body).toMatchObject({ displayName, timezone });
      }
    });

    it('applies a membership change on the very next request: join, role change, removal', async () => {
      const colleague = await newCustomer(gateway, inbox, 'colleague');
      const project = `/api/v1/projects/${projectId}`;
      const as = (token: string, method: string, path: string, body?: unknown) => gateway.call(method, path, { token, body });
      // A stranger's probe is cached as "not a member"; joining must replace that at once.
      expect((await as(colleague.accessToken, 'GET', project)).status).toBe(404);
      await joinProject(gateway, inbox, { ownerToken: owner.accessToken, projectId, role: 'viewer' }, colleague);
      expect((await as(colleague.accessToken, 'GET', project)).body.role).toBe('viewer');
      expect((await as(colleague.accessToken, 'POST', `${project}/tasks`, { title: 'not yet' })).status).toBe(403);

      expect((await as(owner.accessToken, 'PATCH', `${project}/members/${colleague.userId}`, { role: 'member' })).status).toBe(200);
      expect((await as(colleague.accessToken, 'GET', project)).body.role).toBe('member');
      // Ids are UUIDs, valid in either case: each spelling must see the change, whichever was cached.
      for (const path of [project, shouted(project)]) {
        expect((await as(colleague.accessToken, 'POST', `${path}/tasks`, { title: 'now allowed' })).status).toBe(201);
      }

      expect((await as(owner.accessToken, 'PATCH', `${project}/members/${colleague.userId}`, { role: 'viewer' })).status).toBe(200);
      for (const path of [project, shouted(project)]) {
        expect((await as(colleague.accessToken, 'POST', `${path}/tasks`, { title: 'not any more' })).status).toBe(403);
      }

      expect((await as(owner.accessToken, 'DELETE', `${project}/members/${colleague.userId}`)).status).toBe(204);
      expect((await as(colleague.accessToken, 'GET', project)).status).toBe(404);
      expect((await as(colleague.accessToken, 'GET', `${shouted(project)}/tasks`)).status).toBe(404);
      const members = await as(owner.accessToken, 'GET', `${project}/members`);
      expect(members.body.items.map((member: { userId: string }) => member.userId)).toEqual([owner.userId]);
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
}
