import { migratedPostgres, type TestDatabase } from '@msp/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationsFolder } from '../db/migrations-folder.js';
import type { TaskRow } from '../tasks/tasks.repository.js';
// Importing the cases also brings their PGlite runs into this file: the servers run shows both engines.
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
