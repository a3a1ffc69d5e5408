import { DevInboxClient, TestGatewayClient } from '@msp/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningPlatform } from './platforms.js';
import { joinProject, newProject } from './project-helpers.js';
import { newCustomer } from './security-helpers.js';

type Actor = 'owner' | 'admin' | 'member' | 'viewer' | 'outsider' | 'anonymous';
const ACTORS: Actor[] = ['owner', 'admin', 'member', 'viewer', 'outsider', 'anonymous'];
const PEOPLE = ['owner', 'admin', 'member', 'viewer', 'outsider'] as const;

/** Expected status per actor; non-members get 404 (existence never leaks), anonymous callers 401. */
const reads = { owner: 200, admin: 200, member: 200, viewer: 200, outsider: 404, anonymous: 401 };
const edits = (ok: number) => ({ owner: ok, admin: ok, member: ok, viewer: 403, outsider: 404, anonymous: 401 });
const manages = (ok: number) => ({ owner: ok, admin: ok, member: 403, viewer: 403, outsider: 404, anonymous: 401 });

/** What the suite needs the platform started with (both modes): sign-ups and invitations from one address. */
export const projectAuthorizationEnv = { RATE_LIMIT_SENSITIVE_PER_MINUTE: '1000', RATE_LIMIT_LOGIN_PER_MINUTE: '1000' };

/**
 * Issue 4's authorization matrix: every project, member, task and comment route, called by each role
 * of a project, by a signed-in stranger and by nobody, through the gateway as an outside client.
 */
export function projectAuthorizationSuite(mode: string, start: () => Promise<RunningPlatform>) {
  describe(`project authorization matrix, through the gateway (${mode})`, () => {
    let platform: RunningPlatform;
    let gateway: TestGatewayClient;
    const tokens = {} as Record<Actor, string | undefined>;
    const ids = {} as Record<Actor, string>;
    let projectId: string;

    const as = (actor: Actor, method: string, path: string, options: { body?: unknown; headers?: Record<string, string> } = {}) =>
      gateway.call(method, path, { ...options, ...(tokens[actor] ? { token: tokens[actor] } : {}) });

    beforeAll(async () => {
      platform = await start();
      gateway = new TestGatewayClient(platform.gatewayUrl);
      const inbox = new DevInboxClient(platform.inboxUrl);
      const people = await Promise.all(PEOPLE.map((label) => newCustomer(gateway, inbox, label)));
      for (const [index, actor] of PEOPLE.entries()) {
        tokens[actor] = people[index]!.accessToken;
        ids[actor] = people[index]!.userId;
      }
      projectId = (await newProject(gateway, people[0]!.accessToken, 'Matrix')).id;
      for (const [index, role] of (['admin', 'member', 'viewer'] as const).entries()) {
        await joinProject(gateway, inbox, { ownerToken: people[0]!.accessToken, projectId, role }, people[index + 1]!);
      }
    });

    afterAll(async () => {
      await platform?.stop();
    });

    /** Runs one request per actor and compares the whole table, so a failure shows every cell. */
    async function expectMatrix(expected: Record<Actor, number>, request: (actor: Actor) => Promise<{ status: number; body?: any }>) {
      const actual = {} as Record<Actor, number>;
      for (const actor of ACTORS) {
        const response = await request(actor);
        actual[actor] = response.status;
        if (response.status === 404 && actor === 'outsider') expect(JSON.stringify(response.body)).not.toContain('Matrix');
      }
      expect(actual).toEqual(expected);
    }

    const newTask = async () => (await as('owner', 'POST', `/api/v1/projects/${projectId}/tasks`, { body: { title: 'A task' } })).body;

    it('reading the project, its members, tasks and activity', async () => {
      const task = await newTask();
      await expectMatrix(reads, (actor) => as(actor, 'GET', `/api/v1/projects/${projectId}`));
      await expectMatrix(reads, (actor) => as(actor, 'GET', `/api/v1/projects/${projectId}/members`));
      await expectMatrix(reads, (actor) => as(actor, 'GET', `/api/v1/projects/${projectId}/tasks`));
      await expectMatrix(reads, (actor) => as(actor, 'GET', `/api/v1/projects/${projectId}/tasks/${task.id}`));
      await expectMatrix(reads, (actor) => as(actor, 'GET', `/api/v1/projects/${projectId}/tasks/${task.id}/comments`));
      await expectMatrix(reads, (actor) => as(actor, 'GET', `/api/v1/projects/${projectId}/activity`));
    });

    it('listing projects shows the project to members only', async () => {
      for (const actor of PEOPLE) {
        const list = await as(actor, 'GET', '/api/v1/projects');
        expect(list.status).toBe(200);
        expect(list.body.items.some((project: { id: string }) => project.id === projectId)).toBe(actor !== 'outsider');
      }
      expect((await as('anonymous', 'GET', '/api/v1/projects')).status).toBe(401);
    });

    it('writing tasks and comments (viewers read only)', async () => {
      await expectMatrix(edits(201), (actor) =>
        as(actor, 'POST', `/api/v1/projects/${projectId}/tasks`, { body: { title: `by ${actor}` } }),
      );
      const task = await newTask();
      await expectMatrix(edits(201), (actor) =>
        as(actor, 'POST', `/api/v1/projects/${projectId}/tasks/${task.id}/comments`, { body: { body: `note from ${actor}` } }),
      );
      await expectMatrix(edits(200), async (actor) => {
        const current = await as('owner', 'GET', `/api/v1/projects/${projectId}/tasks/${task.id}`);
        return as(actor, 'PATCH', `/api/v1/projects/${projectId}/tasks/${task.id}`, {
          body: { title: `edited by ${actor}` },
          headers: { 'if-match': `"${current.body.version}"` },
        });
      });
      const doomed = {} as Record<Actor, string>;
      for (const actor of ACTORS) doomed[actor] = (await newTask()).id;
      await expectMatrix(edits(204), (actor) => as(actor, 'DELETE', `/api/v1/projects/${projectId}/tasks/${doomed[actor]}`));
    });

    it('managing the project, members and invitations (admins and owners)', async () => {
      await expectMatrix(manages(200), (actor) =>
        as(actor, 'PATCH', `/api/v1/projects/${projectId}`, { body: { description: `by ${actor}` } }),
      );
      await expectMatrix(manages(201), (actor) =>
        as(actor, 'POST', `/api/v1/projects/${projectId}/invitations`, { body: { email: `guest-${actor}@example.test`, role: 'member' } }),
      );
      await expectMatrix(manages(200), (actor) =>
        as(actor, 'PATCH', `/api/v1/projects/${projectId}/members/${ids.viewer}`, { body: { role: 'viewer' } }),
      );
    });

    it('deleting the project (owners only) and keeping the last owner', async () => {
      expect((await as('owner', 'DELETE', `/api/v1/projects/${projectId}/members/${ids.owner}`)).status).toBe(422);
      for (const actor of ['admin', 'member', 'viewer'] as const) {
        expect((await as(actor, 'DELETE', `/api/v1/projects/${projectId}`)).status).toBe(403);
      }
      expect((await as('outsider', 'DELETE', `/api/v1/projects/${projectId}`)).status).toBe(404);
      expect((await as('anonymous', 'DELETE', `/api/v1/projects/${projectId}`)).status).toBe(401);
      expect((await as('owner', 'DELETE', `/api/v1/projects/${projectId}`)).status).toBe(204);
      await expectMatrix({ owner: 404, admin: 404, member: 404, viewer: 404, outsider: 404, anonymous: 401 }, (actor) =>
        as(actor, 'GET', `/api/v1/projects/${projectId}`),
      );
    });
  });
}
