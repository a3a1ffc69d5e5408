import { migratedPglite, type TestDatabase } from '@msp/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommentRow } from '../comments/comments.repository.js';
import { migrationsFolder } from '../db/migrations-folder.js';
import { failure, nextMillisecond, projectHarness, type Harness, type TestProject } from './project-harness.js';

/** Comments, the activity log and the data export: run on PGlite here and on PostgreSQL by the int-spec. */
export function commentAndActivityCases(open: () => Promise<TestDatabase>): void {
  let database: TestDatabase;
  let h: Harness;
  let p: TestProject;

  beforeAll(async () => {
    database = await open();
    h = await projectHarness(database);
    p = await h.project();
  });
  afterAll(() => database?.close());

  describe('comments', () => {
    it('lets members comment, oldest first in pages, and announces each comment', async () => {
      const task = await h.tasks.create(p.id, { title: 'Discuss', assigneeId: p.admin.userId }, p.owner.caller);
      const bodies = ['First', '**Second**', 'Third'];
      const written: CommentRow[] = [];
      for (const body of bodies) {
        await nextMillisecond();
        written.push(await h.comments.create(p.id, task.id, body, p.member.caller));
      }

      const first = await h.comments.list(p.id, task.id, p.viewer.caller, 2, '');
      const second = await h.comments.list(p.id, task.id, p.viewer.caller, 2, first.nextCursor);

      expect(first.items.map((comment) => comment.body)).toEqual(['First', '**Second**']);
      expect(second).toMatchObject({ items: [{ body: 'Third', authorId: p.member.userId, taskId: task.id }], nextCursor: '' });
      expect((await h.events('task.commented.v1')).find((event) => event.data.commentId === written[0]!.id)?.data).toEqual({
        commentId: written[0]!.id,
        taskId: task.id,
        projectId: p.id,
        taskKey: task.key,
        title: 'Discuss',
        authorId: p.member.userId,
        assigneeId: p.admin.userId,
      });
      expect(await h.activityOf(p.id)).toContainEqual({
        actorId: p.member.userId,
        action: 'task.commented',
        subject: task.key,
        data: { commentId: written[0]!.id },
      });
    });

    it('refuses empty and over-long bodies, viewers, and tasks that are not there', async () => {
      const task = await h.tasks.create(p.id, { title: 'Quiet' }, p.owner.caller);
      for (const body of ['', '  \n ', 'x'.repeat(10_001)]) {
        expect(await failure(h.comments.create(p.id, task.id, body, p.member.caller))).toMatchObject({
          code: 'VALIDATION_FAILED',
          fields: [{ path: 'body' }],
        });
      }
      await expect(h.comments.create(p.id, task.id, 'x'.repeat(10_000), p.member.caller)).resolves.toBeDefined();
      expect(await failure(h.comments.create(p.id, task.id, 'Hi', p.viewer.caller))).toMatchObject({ code: 'FORBIDDEN' });
      await h.tasks.delete(p.id, task.id, p.owner.caller);
      expect(await failure(h.comments.create(p.id, task.id, 'Hi', p.member.caller))).toMatchObject({ code: 'TASK_NOT_FOUND' });
      expect(await failure(h.comments.list(p.id, task.id, p.member.caller, 10, ''))).toMatchObject({ code: 'TASK_NOT_FOUND' });
      expect(await failure(h.comments.list(p.id, 'x', p.member.caller, 10, ''))).toMatchObject({ code: 'TASK_NOT_FOUND' });
    });
  });

  describe('activity', () => {
    it('lists the log newest first in disjoint pages, to everyone in the project', async () => {
      const project = await h.project();
      for (let i = 0; i < 3; i++) {
        await nextMillisecond();
        await h.tasks.create(project.id, { title: `Task ${i}` }, project.member.caller);
      }

      const pages = [];
      let cursor = '';
      do {
        const page = await h.activity.list(project.id, project.member.caller, 2, cursor);
        pages.push(page.items);
        cursor = page.nextCursor;
      } while (cursor);

      const entries = pages.flat();
      expect(pages.map((page) => page.length)).toEqual([2, 2]);
      expect(entries.map((entry) => [entry.action, entry.subject])).toEqual([
        ['task.created', `${project.key}-3`],
        ['task.created', `${project.key}-2`],
        ['task.created', `${project.key}-1`],
        ['project.created', project.key],
      ]);
      expect(entries[0]).toMatchObject({ actorId: project.member.userId, data: { title: 'Task 2' } });
      expect((await h.activity.list(project.id, project.viewer.caller, 1, '')).items).toEqual([entries[0]]);
      expect(await failure(h.activity.list(project.id, project.outsider.caller, 10, ''))).toMatchObject({ code: 'PROJECT_NOT_FOUND' });
      expect(await failure(h.activity.list(project.id, project.member.caller, 10, 'bad'))).toMatchObject({ code: 'VALIDATION_FAILED' });
    });
  });

  describe('user data', () => {
    it('exports the caller’s memberships, tasks they created or are assigned, and comments', async () => {
      const project = await h.project();
      const created = await h.tasks.create(project.id, { title: 'Made by me' }, project.member.caller);
      await nextMillisecond();
      const assigned = await h.tasks.create(project.id, { title: 'Given to me', assigneeId: project.member.userId }, project.owner.caller);
      await h.tasks.create(project.id, { title: 'Not mine' }, project.owner.caller);
      const comment = await h.comments.create(project.id, assigned.id, 'On it', project.member.caller);

      const exported = JSON.parse(await h.userData.export(project.member.caller));

      expect(exported.person).toEqual({ email: project.member.email, displayName: project.member.displayName });
      expect(exported.memberships).toEqual([
        expect.objectContaining({ projectId: project.id, projectKey: project.key, role: 'member', projectDeletedAt: null }),
      ]);
      expect(exported.tasks.map((task: { id: string }) => task.id)).toEqual([created.id, assigned.id]);
      expect(exported.comments).toEqual([expect.objectContaining({ id: comment.id, taskKey: assigned.key, body: 'On it' })]);
      expect(await failure(h.userData.export(undefined))).toMatchObject({ code: 'UNAUTHENTICATED' });
    });

    it('counts a user’s live projects for platform admins only', async () => {
      const project = await h.project();
      const other = await h.project();
      await h.addMember(other.id, project.member.userId, 'viewer');
      const admin = await h.person(['customer', 'admin']);
      await h.projects.delete(other.id, other.owner.caller);

      expect(await h.userData.stats(project.member.userId, admin.caller)).toEqual({ projectsCount: 1 });
      expect(await failure(h.userData.stats(project.member.userId, project.owner.caller))).toMatchObject({ code: 'FORBIDDEN' });
      expect(await failure(h.userData.stats('x', admin.caller))).toMatchObject({ code: 'VALIDATION_FAILED' });
    });
  });
}

describe('Comments, activity and user data on PGlite', () => commentAndActivityCases(() => migratedPglite('projects', migrationsFolder)));
