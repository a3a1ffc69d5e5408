import { randomUUID } from 'node:crypto';
import { migratedPglite, type TestDatabase } from '@msp/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationsFolder } from '../db/migrations-folder.js';
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
      ['dueDate', { dueDate: '0000-01-01' }],
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
}

describe('Tasks on PGlite', () => taskCases(() => migratedPglite('projects', migrationsFolder)));
