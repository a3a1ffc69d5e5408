import { queryRows } from '@msp/platform';
import { migratedPostgres, type TestDatabase } from '@msp/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationsFolder } from '../db/migrations-folder.js';
import type { TaskRow } from '../tasks/tasks.repository.js';
// Importing the cases also brings their PGlite runs into this file: the servers run shows both engines.
import { archivedProjectCases } from './archived-project.spec.js';
import { commentAndActivityCases } from './comments-activity.spec.js';
import { invitationCases } from './invitations.spec.js';
import { memberCases } from './members.spec.js';
import { peopleCases } from './people.spec.js';
import { failure, projectHarness, type Harness, type TestProject } from './project-harness.js';
import { taskListCases } from './task-list.spec.js';
import { taskCases } from './tasks.spec.js';

const postgres =
  (options: { poolSize?: number } = {}) =>
  () =>
    migratedPostgres('projects', migrationsFolder, options);

describe('Tasks on PostgreSQL', () => taskCases(postgres()));
describe('Task lists on PostgreSQL', () => taskListCases(postgres()));
describe('Members and project settings on PostgreSQL', () => memberCases(postgres()));
describe('Invitations on PostgreSQL', () => invitationCases(postgres()));
describe('People and account deletion on PostgreSQL', () => peopleCases(postgres()));
describe('Comments, activity and user data on PostgreSQL', () => commentAndActivityCases(postgres()));
describe('Archived projects on PostgreSQL', () => archivedProjectCases(postgres()));

/** Real concurrency needs real connections: these run only against PostgreSQL, with a pool of 20. */
describe('concurrency on PostgreSQL', () => {
  let database: TestDatabase;
  let h: Harness;
  let p: TestProject;

  beforeAll(async () => {
    database = await postgres({ poolSize: 20 })();
    h = await projectHarness(database);
    p = await h.project();
  });
  afterAll(() => database?.close());

  it('gives 50 parallel task creations 50 distinct, consecutive numbers', async () => {
    const project = await h.project();
    const people = [project.owner, project.admin, project.member];

    const created = await Promise.all(
      Array.from({ length: 50 }, (_, i) => h.tasks.create(project.id, { title: `Parallel ${i}` }, people[i % people.length]!.caller)),
    );

    expect(created.map((task) => task.number).sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(new Set(created.map((task) => task.key)).size).toBe(50);
    expect((await h.tasks.create(project.id, { title: 'After' }, project.member.caller)).number).toBe(51);
  });

  it('lets exactly one of two writers holding the same version win; the other gets VERSION_CONFLICT', async () => {
    for (let round = 0; round < 10; round++) {
      const task = await h.tasks.create(p.id, { title: `Contested ${round}` }, p.member.caller);

      const outcomes = await Promise.allSettled([
        h.tasks.update(p.id, task.id, 1, { title: 'Written by the admin' }, p.admin.caller),
        h.tasks.update(p.id, task.id, 1, { title: 'Written by the member' }, p.member.caller),
      ]);

      const won = outcomes
        .filter((outcome) => outcome.status === 'fulfilled')
        .map((outcome) => (outcome as PromiseFulfilledResult<TaskRow>).value);
      const lost = outcomes.filter((outcome) => outcome.status === 'rejected').map((outcome) => (outcome as PromiseRejectedResult).reason);
      expect(won).toHaveLength(1);
      expect(lost).toMatchObject([{ code: 'VERSION_CONFLICT' }]);
      expect(await h.tasks.get(p.id, task.id, p.viewer.caller)).toMatchObject({ title: won[0]!.title, version: 2 });
    }
  });

  it('pages through disjoint, complete pages while other tasks are being created', async () => {
    const project = await h.project();
    const before = await Promise.all(
      Array.from({ length: 40 }, (_, i) => h.tasks.create(project.id, { title: `Before ${i}` }, project.member.caller)),
    );
    let writing = true;
    const writer = (async () => {
      for (let i = 0; writing && i < 200; i++) await h.tasks.create(project.id, { title: `During ${i}` }, project.admin.caller);
    })();

    const seen: TaskRow[] = [];
    let cursor = '';
    try {
      do {
        const page = await h.tasks.list(project.id, {}, project.viewer.caller, 7, cursor);
        seen.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);
    } finally {
      writing = false;
      await writer;
    }

    const ids = seen.map((task) => task.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(before.map((task) => task.id)));
    const positions = seen.map((task) => [task.createdAt.getTime(), task.id] as const);
    for (let i = 1; i < positions.length; i++) {
      const [[at0, id0], [at1, id1]] = [positions[i - 1]!, positions[i]!];
      expect(at0 > at1 || (at0 === at1 && id0 > id1)).toBe(true);
    }
  });

  it('refuses task changes that were waiting for an archiving to commit', async () => {
    const project = await h.project();
    const task = await h.tasks.create(project.id, { title: 'Before' }, project.member.caller);
    let commitArchive!: () => void;
    const archiveMayCommit = new Promise<void>((resolve) => (commitArchive = resolve));
    let archived!: () => void;
    const archivedNotCommitted = new Promise<void>((resolve) => (archived = resolve));
    // What ProjectsService.update does, held open: the project's row locked and archived, not committed.
    const archiving = h.inTransaction(async (tx) => {
      await h.repositories.membership.lockLiveProject(project.id, tx);
      await h.repositories.projects.update(project.id, { archived: true }, tx);
      archived();
      await archiveMayCommit;
    });
    await archivedNotCommitted;

    const changes = [
      h.tasks.create(project.id, { title: 'Late' }, project.member.caller),
      h.tasks.update(project.id, task.id, 1, { status: 'done' }, project.member.caller),
      h.comments.create(project.id, task.id, 'Late', project.member.caller),
    ].map((change) => failure(change));
    await waitForBlockedSessions(h, changes.length);
    commitArchive();
    await archiving;

    expect(await Promise.all(changes)).toMatchObject([
      { code: 'PROJECT_ARCHIVED' },
      { code: 'PROJECT_ARCHIVED' },
      { code: 'PROJECT_ARCHIVED' },
    ]);
    expect(await h.tasks.get(project.id, task.id, project.viewer.caller)).toMatchObject({ version: 1 });
  });

  it('archives while tasks are created and changed in parallel, without deadlocks', async () => {
    const project = await h.project();
    const task = await h.tasks.create(project.id, { title: 'Busy' }, project.member.caller);
    const creations = Array.from({ length: 20 }, (_, i) => h.tasks.create(project.id, { title: `Parallel ${i}` }, project.member.caller));
    const updates = Array.from({ length: 5 }, () => h.tasks.update(project.id, task.id, 1, { status: 'done' }, project.member.caller));

    const [archive, ...outcomes] = await Promise.allSettled([
      h.projects.update(project.id, { archived: true }, project.admin.caller),
      ...creations,
      ...updates,
    ]);

    expect(archive).toMatchObject({ status: 'fulfilled' });
    // Changes after the archive are refused; of the updates racing on version 1, only one can win.
    for (const outcome of outcomes.filter((outcome) => outcome.status === 'rejected')) {
      expect(['PROJECT_ARCHIVED', 'VERSION_CONFLICT']).toContain(((outcome as PromiseRejectedResult).reason as { code: string }).code);
    }
    const created = outcomes.slice(0, creations.length).filter((outcome) => outcome.status === 'fulfilled').length;
    expect((await h.tasks.list(project.id, {}, project.viewer.caller, 100, '')).items).toHaveLength(created + 1);
  });

  it('keeps the last owner under concurrent demotions: two owners demoting each other leave one owner', async () => {
    const project = await h.project();
    await h.members.changeRole(project.id, project.admin.userId, 'owner', project.owner.caller);

    const outcomes = await Promise.allSettled([
      h.members.changeRole(project.id, project.admin.userId, 'member', project.owner.caller),
      h.members.changeRole(project.id, project.owner.userId, 'member', project.admin.caller),
    ]);

    const owners = (await h.members.list(project.id, project.viewer.caller)).filter((member) => member.role === 'owner');
    expect(owners).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome.status === 'rejected')).toHaveLength(1);
    expect(await failure(Promise.reject((outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult).reason))).toMatchObject({
      code: expect.stringMatching(/^(LAST_OWNER|FORBIDDEN)$/),
    });
  });
});

/** Waits until `count` sessions of the test's database wait for a lock another transaction holds. */
async function waitForBlockedSessions(h: Harness, count: number): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const [row] = await queryRows<{ blocked: number }>(
      h.db,
      sql`select count(*)::int as blocked from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`,
    );
    if (row!.blocked >= count) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`expected ${count} sessions waiting for a lock`);
}
