import { migratedPglite, type TestDatabase } from '@msp/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { migrationsFolder } from '../db/migrations-folder.js';
import { tasks } from '../db/schema.js';
import type { TaskRow } from '../tasks/tasks.repository.js';
import { failure, nextMillisecond, projectHarness, type Harness, type TestProject } from './project-harness.js';

/** Listing tasks: filters, search and keyset pages, on PGlite here and on PostgreSQL by the int-spec. */
export function taskListCases(open: () => Promise<TestDatabase>): void {
  let database: TestDatabase;
  let h: Harness;

  beforeAll(async () => {
    database = await open();
    h = await projectHarness(database);
  });
  afterAll(() => database?.close());

  const create = (input: { title: string; description?: string; status?: string; assigneeId?: string }, project: TestProject) =>
    h.tasks.create(project.id, input, project.member.caller);

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
      for (const spec of specs) {
        await nextMillisecond();
        made.push(await create(spec, project));
      }
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

  // A search reads up to 100 rows per row wanted in list order, then asks the search index: with pages
  // of 2 (3 rows wanted, one to know a next page exists) that is 300 rows, so 400 tasks cross it.
  describe('search in a list longer than one search reads in order', () => {
    let project: TestProject;
    const numbers = (page: { items: TaskRow[] }) => page.items.map((task) => task.number);

    beforeAll(async () => {
      project = await h.project();
      const start = Date.UTC(2030, 0, 1);
      const title = (n: number) => [n % 3 === 0 ? 'Alpha' : 'Filler', [5, 150, 395, 398].includes(n) ? 'zebra' : ''].join(' ');
      await h.inTransaction((tx) =>
        tx.insert(tasks).values(
          Array.from({ length: 400 }, (_, i) => ({
            id: randomUUID(),
            projectId: project.id,
            number: i + 1,
            title: title(i + 1),
            createdBy: project.owner.userId,
            createdAt: new Date(start + i * 1000),
          })),
        ),
      );
    });

    async function allPages(q: string): Promise<number[][]> {
      const pages: number[][] = [];
      let cursor = '';
      do {
        const page = await h.tasks.list(project.id, { q }, project.viewer.caller, 2, cursor);
        pages.push(numbers(page));
        cursor = page.nextCursor;
      } while (cursor);
      return pages;
    }

    it('pages through a word in many tasks, found in list order', async () => {
      const pages = await allPages('alpha');
      const everyThird = Array.from({ length: 133 }, (_, i) => 399 - 3 * i);
      expect(pages.flat()).toEqual(everyThird);
      expect(pages.slice(0, 2)).toEqual([
        [399, 396],
        [393, 390],
      ]);
    });

    it('finds a word in few tasks beyond the rows read in order, through the search index', async () => {
      expect(await allPages('zebra')).toEqual([
        [398, 395],
        [150, 5],
      ]);
    });

    it('combines both with filters', async () => {
      const page = await h.tasks.list(project.id, { q: 'zebra', status: 'todo' }, project.viewer.caller, 10, '');
      expect(numbers(page)).toEqual([398, 395, 150, 5]);
      expect(numbers(await h.tasks.list(project.id, { q: 'zebra', status: 'done' }, project.viewer.caller, 10, ''))).toEqual([]);
    });
  });
}

describe('Task lists on PGlite', () => taskListCases(() => migratedPglite('projects', migrationsFolder)));
