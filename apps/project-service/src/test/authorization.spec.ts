import { randomUUID } from 'node:crypto';
import type { Caller } from '@msp/platform';
import { migratedPglite, type TestDatabase } from '@msp/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasAtLeast, type ProjectRole } from '../access/project-roles.js';
import { migrationsFolder } from '../db/migrations-folder.js';
import { projectHarness, type Harness, type TestPerson, type TestProject } from './project-harness.js';

/** A project in a known state, fresh for every cell of the matrix (some operations destroy it). */
interface Scene extends TestProject {
  /** A viewer whom role changes and removals are tried on. */
  target: TestPerson;
  taskId: string;
  invitationId: string;
}

const WHO = ['owner', 'admin', 'member', 'viewer', 'outsider', 'platformAdmin', 'anonymous'] as const;
type Who = (typeof WHO)[number];
type Outcome = 'ok' | 'UNAUTHENTICATED' | 'PROJECT_NOT_FOUND' | 'FORBIDDEN' | 'LAST_OWNER';

interface Operation {
  /** The least project role that may do it. */
  least: ProjectRole;
  run(h: Harness, scene: Scene, caller: Caller | undefined): Promise<unknown>;
  /** Outcomes that differ from what `least` implies. */
  except?: Partial<Record<Who, Outcome>>;
}

// Every project-scoped call of the service. Accepting an invitation is decided by its token and the
// caller's address, not by a role (invitations.spec.ts), and user stats by the platform role.
const operations: Record<string, Operation> = {
  getProject: { least: 'viewer', run: (h, s, c) => h.projects.get(s.id, c) },
  updateProject: { least: 'admin', run: (h, s, c) => h.projects.update(s.id, { name: 'Renamed' }, c) },
  deleteProject: { least: 'owner', run: (h, s, c) => h.projects.delete(s.id, c) },
  listMembers: { least: 'viewer', run: (h, s, c) => h.members.list(s.id, c) },
  updateMember: { least: 'admin', run: (h, s, c) => h.members.changeRole(s.id, s.target.userId, 'member', c) },
  removeMember: { least: 'admin', run: (h, s, c) => h.members.remove(s.id, s.target.userId, c) },
  leaveProject: {
    least: 'viewer',
    run: (h, s, c) => h.members.remove(s.id, c?.userId ?? randomUUID(), c),
    except: { owner: 'LAST_OWNER' },
  },
  createInvitation: {
    least: 'admin',
    run: (h, s, c) => h.invitations.create(s.id, { email: `${randomUUID()}@example.test`, role: 'member' }, c),
  },
  listInvitations: { least: 'admin', run: (h, s, c) => h.invitations.listOpen(s.id, c) },
  revokeInvitation: { least: 'admin', run: (h, s, c) => h.invitations.revoke(s.id, s.invitationId, c) },
  createTask: { least: 'member', run: (h, s, c) => h.tasks.create(s.id, { title: 'New' }, c) },
  listTasks: { least: 'viewer', run: (h, s, c) => h.tasks.list(s.id, {}, c, 10, '') },
  getTask: { least: 'viewer', run: (h, s, c) => h.tasks.get(s.id, s.taskId, c) },
  updateTask: { least: 'member', run: (h, s, c) => h.tasks.update(s.id, s.taskId, 1, { status: 'done' }, c) },
  deleteTask: { least: 'member', run: (h, s, c) => h.tasks.delete(s.id, s.taskId, c) },
  createComment: { least: 'member', run: (h, s, c) => h.comments.create(s.id, s.taskId, 'Hello', c) },
  listComments: { least: 'viewer', run: (h, s, c) => h.comments.list(s.id, s.taskId, c, 10, '') },
  listActivity: { least: 'viewer', run: (h, s, c) => h.activity.list(s.id, c, 10, '') },
};

function expected(operation: Operation, who: Who): Outcome {
  const special = operation.except?.[who];
  if (special) return special;
  if (who === 'anonymous') return 'UNAUTHENTICATED';
  if (who === 'outsider' || who === 'platformAdmin') return 'PROJECT_NOT_FOUND';
  return hasAtLeast(who, operation.least) ? 'ok' : 'FORBIDDEN';
}

describe('authorization matrix (every project operation × every kind of caller)', () => {
  let database: TestDatabase;
  let h: Harness;
  let platformAdmin: TestPerson;

  beforeAll(async () => {
    database = await migratedPglite('projects', migrationsFolder);
    h = await projectHarness(database);
    platformAdmin = await h.person(['customer', 'admin']);
  });
  afterAll(() => database?.close());

  async function scene(): Promise<Scene> {
    const project = await h.project();
    const target = await h.person();
    await h.addMember(project.id, target.userId, 'viewer');
    const task = await h.tasks.create(project.id, { title: 'Existing' }, project.owner.caller);
    const invitation = await h.invitations.create(
      project.id,
      { email: `${randomUUID()}@example.test`, role: 'viewer' },
      project.owner.caller,
    );
    return { ...project, target, taskId: task.id, invitationId: invitation.id };
  }

  function callerOf(s: Scene, who: Who): Caller | undefined {
    if (who === 'anonymous') return undefined;
    if (who === 'platformAdmin') return platformAdmin.caller;
    return s[who].caller;
  }

  const cells = Object.entries(operations).flatMap(([name, operation]) =>
    WHO.map((who) => [name, who, expected(operation, who), operation] as const),
  );

  it.each(cells.map(([name, who, outcome, operation]) => [name, who, outcome, operation]))(
    '%s as %s → %s',
    async (_name, who, outcome, operation) => {
      const s = await scene();
      const result = await (operation as Operation).run(h, s, callerOf(s, who as Who)).then(
        (value) => ({ code: 'ok' as string, value }),
        (error: { code: string; message: string }) => ({ code: error.code, value: error }),
      );

      expect(result.code).toBe(outcome);
      if (outcome === 'PROJECT_NOT_FOUND') {
        // Indistinguishable from a project that does not exist: same code, same words, no data.
        const missing = await (operation as Operation).run(h, { ...s, id: randomUUID() }, callerOf(s, who as Who)).catch((e: Error) => e);
        expect((result.value as Error).message).toBe((missing as Error).message);
      }
    },
  );
});
