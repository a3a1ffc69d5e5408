import { randomUUID } from 'node:crypto';
import { migratedPglite, type TestDatabase } from '@msp/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationsFolder } from '../db/migrations-folder.js';
import type { TaskRow } from '../tasks/tasks.repository.js';
import { failure, projectHarness, type Harness, type TestProject } from './project-harness.js';

/** TasksService through the real repositories: run on PGlite here and on PostgreSQL by the int-spec. */
export function taskCases(open: () => Promise<TestDatabase>): void {
  let database: TestDatabase;
  let h: Harness;
  let p: TestProject;

  beforeAll(async () => {
    database = await open();
    h = await projectHarness(database);
    p = await h.project();
  });
  afterAll(() => database?.close());

  const create = (input: Partial<Parameters<Harness['tasks']['create']>[1]> = {}, project = p) =>
    h.tasks.create(project.id, { title: 'Write the docs', ...input }, project.member.caller);

  describe('create', () => {
    it('numbers tasks per project from 1, keyed by the project key, with the defaults of the API', async () => {
      const project = await h.project();
      const first = await create({}, project);
      const second = await create({ title: 'Second' }, project);

      expect(first).toMatchObject({
        number: 1,
        key: `${project.key}-1`,
        title: 'Write the docs',
        description: '',
        status: 'todo',
        priority: 'none',
        assigneeId: null,
        dueDate: null,
        labels: [],
        version: 1,
        createdBy: project.member.userId,
      });
      expect(second).toMatchObject({ number: 2, key: `${project.key}-2` });
    });

    it('never gives a number again, not even after the task with it was deleted', async () => {
      const project = await h.project();
      await create({}, project);
      const second = await create({}, project);
      await h.tasks.delete(project.id, second.id, project.member.caller);

      expect((await create({}, project)).number).toBe(3);
    });

    it('keeps every field as given, trimming the title and deduplicating labels ignoring case', async () => {
      const task = await create({
        title: '  Ship it  ',
        description: '# Plan\n\n- **bold** step',
        status: 'in_progress',
        priority: 'urgent',
        assigneeId: p.viewer.userId,
        dueDate: '2030-02-28',
        labels: [' bug ', 'Bug', 'ui', 'UI', 'backend'],
      });

      expect(task).toMatchObject({
        title: 'Ship it',
        description: '# Plan\n\n- **bold** step',
        status: 'in_progress',
        priority: 'urgent',
        assigneeId: p.viewer.userId,
        dueDate: '2030-02-28',
        labels: ['bug', 'ui', 'backend'],
      });
      expect(await h.tasks.get(p.id, task.id, p.viewer.caller)).toEqual(task);
    });

    it.each([
      ['title', { title: '   ' }],
      ['title', { title: 'x'.repeat(201) }],
      ['description', { description: 'x'.repeat(20_001) }],
      ['status', { status: 'doing' }],
      ['priority', { priority: 'critical' }],
      ['assigneeId', { assigneeId: 'someone' }],
      ['dueDate', { dueDate: '2030-02-30' }],
      ['dueDate', { dueDate: '30.01.2030' }],
      ['labels', { labels: Array.from({ length: 21 }, (_, i) => `label-${i}`) }],
      ['labels.0', { labels: ['  '] }],
      ['labels.0', { labels: ['x'.repeat(41)] }],
    ])('answers VALIDATION_FAILED on %s for %j, and takes no number', async (path, input) => {
      const project = await h.project();
      const error = await failure(create(input, project));

      expect(error).toMatchObject({ code: 'VALIDATION_FAILED' });
      expect(error.fields.map((field) => field.path)).toEqual([path]);
      expect((await create({}, project)).number).toBe(1);
    });

    it('accepts 20 labels once duplicates are gone, and titles of exactly 200 characters', async () => {
      const labels = [...Array.from({ length: 20 }, (_, i) => `l${i}`), 'L0', 'l1'];
      expect((await create({ title: 'x'.repeat(200), labels })).labels).toHaveLength(20);
    });

    it('refuses an assignee who is not a member of the project on the assigneeId field', async () => {
      for (const assigneeId of [p.outsider.userId, randomUUID()]) {
        expect(await failure(create({ assigneeId }))).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: 'assigneeId' }] });
      }
    });

    it('records task.created, and task.assigned for an assignee, in the log and as events', async () => {
      const task = await create({ assigneeId: p.admin.userId });

      const created = (await h.events('task.created.v1')).find((event) => event.data.taskId === task.id);
      const assigned = (await h.events('task.assigned.v1')).find((event) => event.data.taskId === task.id);
      expect(created?.data).toEqual({
        taskId: task.id,
        projectId: p.id,
        taskKey: task.key,
        title: task.title,
        status: 'todo',
        assigneeId: p.admin.userId,
        createdBy: p.member.userId,
      });
      expect(assigned?.data).toEqual({
        taskId: task.id,
        projectId: p.id,
        projectName: `Project ${p.key}`,
        taskKey: task.key,
        title: task.title,
        assigneeId: p.admin.userId,
        assignedBy: p.member.userId,
        assignerName: p.member.displayName,
      });
      const log = (await h.activityOf(p.id)).filter((entry) => entry.subject === task.key);
      expect(log).toEqual(
        expect.arrayContaining([
          { actorId: p.member.userId, action: 'task.created', subject: task.key, data: { title: task.title } },
          { actorId: p.member.userId, action: 'task.assigned', subject: task.key, data: { from: null, to: p.admin.userId } },
        ]),
      );
    });
  });

  describe('update', () => {
    it('applies the changes, makes a new version, and answers VERSION_CONFLICT to the stale version', async () => {
      const task = await create();

      const updated = await h.tasks.update(p.id, task.id, 1, { title: 'Renamed', priority: 'high' }, p.member.caller);
      const stale = await failure(h.tasks.update(p.id, task.id, 1, { title: 'Other' }, p.admin.caller));

      expect(updated).toMatchObject({ title: 'Renamed', priority: 'high', version: 2 });
      expect(stale).toMatchObject({ code: 'VERSION_CONFLICT' });
      expect(await h.tasks.get(p.id, task.id, p.member.caller)).toMatchObject({ title: 'Renamed', version: 2 });
      expect((await h.tasks.update(p.id, task.id, 2, { status: 'done' }, p.admin.caller)).version).toBe(3);
    });

    it('changes nothing, and keeps the version, when nothing differs', async () => {
      const task = await create({ labels: ['a'] });
      const same = await h.tasks.update(p.id, task.id, 1, { title: ` ${task.title} `, labels: ['a', 'a'] }, p.member.caller);
      expect(same).toEqual(task);
    });

    it('unassigns with an empty assignee, clears the date with an empty date, and replaces labels', async () => {
      const task = await create({ assigneeId: p.member.userId, dueDate: '2031-01-01', labels: ['a', 'b'] });

      const updated = await h.tasks.update(p.id, task.id, 1, { assigneeId: '', dueDate: '', labels: [] }, p.member.caller);

      expect(updated).toMatchObject({ assigneeId: null, dueDate: null, labels: [], version: 2 });
    });

    it('records status, assignee and other changes as separate log entries, and emits their events', async () => {
      const task = await create();

      await h.tasks.update(
        p.id,
        task.id,
        1,
        { status: 'in_progress', assigneeId: p.admin.userId, title: 'New title', description: 'long' },
        p.member.caller,
      );

      const log = (await h.activityOf(p.id)).filter((entry) => entry.subject === task.key && entry.action !== 'task.created');
      expect(log).toHaveLength(3);
      expect(log).toEqual(
        expect.arrayContaining([
          { actorId: p.member.userId, action: 'task.status_changed', subject: task.key, data: { from: 'todo', to: 'in_progress' } },
          { actorId: p.member.userId, action: 'task.assigned', subject: task.key, data: { from: null, to: p.admin.userId } },
          {
            actorId: p.member.userId,
            action: 'task.updated',
            subject: task.key,
            data: { changed: ['title', 'description'], from: { title: task.title }, to: { title: 'New title' } },
          },
        ]),
      );
      const about = <T extends { data: { taskId: string } }>(events: T[]) => events.filter((event) => event.data.taskId === task.id);
      expect(about(await h.events('task.updated.v1')).map((event) => event.data)).toEqual([
        {
          taskId: task.id,
          projectId: p.id,
          taskKey: task.key,
          version: 2,
          changed: ['title', 'description', 'status', 'assigneeId'],
          updatedBy: p.member.userId,
        },
      ]);
      expect(about(await h.events('task.status_changed.v1')).map((event) => event.data)).toEqual([
        {
          taskId: task.id,
          projectId: p.id,
          taskKey: task.key,
          title: 'New title',
          from: 'todo',
          to: 'in_progress',
          changedBy: p.member.userId,
        },
      ]);
      expect(about(await h.events('task.assigned.v1')).map((event) => event.data.assigneeId)).toEqual([p.admin.userId]);
    });

    it('validates the fields present, the version, and the assignee’s membership', async () => {
      const task = await create();
      const update = (version: number, changes: object) => failure(h.tasks.update(p.id, task.id, version, changes, p.member.caller));

      expect(await update(1, { title: '', status: 'nope' })).toMatchObject({ code: 'VALIDATION_FAILED' });
      expect((await update(1, { title: '', status: 'nope' })).fields.map((field) => field.path).sort()).toEqual(['status', 'title']);
      expect(await update(0, { title: 'x' })).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: 'version' }] });
      expect(await update(1, { assigneeId: p.outsider.userId })).toMatchObject({ fields: [{ path: 'assigneeId' }] });
      expect(await update(7, { title: 'x' })).toMatchObject({ code: 'VERSION_CONFLICT' });
    });

    it('answers TASK_NOT_FOUND for a task of another project, a deleted task and a malformed id', async () => {
      const other = await h.project();
      const elsewhere = await create({}, other);
      const deleted = await create();
      await h.tasks.delete(p.id, deleted.id, p.member.caller);

      for (const taskId of [elsewhere.id, deleted.id, 'not-an-id']) {
        expect(await failure(h.tasks.update(p.id, taskId, 1, { title: 'x' }, p.member.caller))).toMatchObject({ code: 'TASK_NOT_FOUND' });
        expect(await failure(h.tasks.get(p.id, taskId, p.member.caller))).toMatchObject({ code: 'TASK_NOT_FOUND' });
      }
    });
  });

  describe('delete', () => {
    it('hides the task from reads and lists, and records task.deleted', async () => {
      const task = await create({ title: 'Doomed' });

      await h.tasks.delete(p.id, task.id, p.member.caller);

      expect(await failure(h.tasks.get(p.id, task.id, p.owner.caller))).toMatchObject({ code: 'TASK_NOT_FOUND' });
      expect(await failure(h.tasks.delete(p.id, task.id, p.owner.caller))).toMatchObject({ code: 'TASK_NOT_FOUND' });
      const listed = await h.tasks.list(p.id, {}, p.owner.caller, 100, '');
      expect(listed.items.map((item) => item.id)).not.toContain(task.id);
      expect((await h.events('task.deleted.v1')).find((event) => event.data.taskId === task.id)?.data).toEqual({
        taskId: task.id,
        projectId: p.id,
        taskKey: task.key,
        deletedBy: p.member.userId,
      });
      expect(await h.activityOf(p.id)).toContainEqual({
        actorId: p.member.userId,
        action: 'task.deleted',
        subject: task.key,
        data: { title: 'Doomed' },
      });
    });
  });

  describe('list', () => {
    let project: TestProject;
    const made: TaskRow[] = [];

    beforeAll(async () => {
      project = await h.project();
      const specs = [
        { title: 'Login page', description: 'Email and password', status: 'todo', assigneeId: project.member.userId },
        { title: 'Authentication service', description: 'Tokens with **EdDSA**', status: 'in_progress' },
        { title: 'Billing', description: 'Checkout through the payment gateway', status: 'todo', assigneeId: project.admin.userId },
        { title: 'Übersetzung', description: 'Deutsche Texte für die Anmeldung', status: 'done', assigneeId: project.member.userId },
        { title: 'Logout', description: 'Revoke the session', status: 'backlog' },
      ];
      for (const spec of specs) made.push(await create(spec, project));
    });

    const ids = (tasks: TaskRow[]) => tasks.map((task) => task.id);
    const list = (filter: object, limit = 100, cursor = '') => h.tasks.list(project.id, filter, project.viewer.caller, limit, cursor);

    it('lists newest first', async () => {
      expect(ids((await list({})).items)).toEqual(ids([...made].reverse()));
    });

    it('filters by status and by assignee, together too', async () => {
      expect(ids((await list({ status: 'todo' })).items)).toEqual([made[2]!.id, made[0]!.id]);
      expect(ids((await list({ assigneeId: project.member.userId })).items)).toEqual([made[3]!.id, made[0]!.id]);
      expect(ids((await list({ status: 'todo', assigneeId: project.member.userId })).items)).toEqual([made[0]!.id]);
    });

    it.each([
      ['a word of the title', 'billing', [2]],
      ['a word of the description', 'gateway', [2]],
      ['word prefixes, all of them', 'auth edd', [1]],
      ['letters beyond ASCII, in any case', 'ÜBERSETZ', [3]],
      ['several matches', 'log', [4, 0]],
      ['punctuation around words', '  (log!) ', [4, 0]],
      ['nothing for a word nowhere', 'kubernetes', []],
    ])('searches title and description: %s', async (_, q, expected) => {
      expect(ids((await list({ q })).items)).toEqual(expected.map((index) => made[index]!.id));
    });

    it('combines search with filters', async () => {
      expect(ids((await list({ q: 'log', status: 'backlog' })).items)).toEqual([made[4]!.id]);
    });

    it('pages with a cursor through disjoint pages that hold every task once', async () => {
      const seen: string[] = [];
      let cursor = '';
      for (let page = 0; page < 10; page++) {
        const result = await list({}, 2, cursor);
        seen.push(...ids(result.items));
        cursor = result.nextCursor;
        if (!cursor) break;
      }
      expect(seen).toEqual(ids([...made].reverse()));
    });

    it('answers VALIDATION_FAILED for bad filters and cursors', async () => {
      expect(await failure(list({ status: 'doing' }))).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: 'status' }] });
      expect(await failure(list({ assigneeId: 'me' }))).toMatchObject({ fields: [{ path: 'assigneeId' }] });
      expect(await failure(list({ q: 'x'.repeat(201) }))).toMatchObject({ fields: [{ path: 'q' }] });
      expect(await failure(list({}, 10, 'garbage'))).toMatchObject({ fields: [{ path: 'cursor' }] });
    });
  });
}

describe('Tasks on PGlite', () => taskCases(() => migratedPglite('projects', migrationsFolder)));
