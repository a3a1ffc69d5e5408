import { randomUUID } from 'node:crypto';
import type { KeysetPosition } from '@msp/platform';
import { migratedPglite, type TestDatabase } from '@msp/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationsFolder } from '../db/migrations-folder.js';
import { ProjectsRepository, type ProjectWithRole } from '../projects/projects.repository.js';

/**
 * ProjectsRepository's cases, run here on PGlite (no servers) and by `projects.repository.int-spec.ts`
 * on PostgreSQL: the same SQL must behave the same on both engines.
 */
export function projectsRepositoryCases(open: () => Promise<TestDatabase>): void {
  let database: TestDatabase;
  let projects: ProjectsRepository;

  beforeAll(async () => {
    database = await open();
    projects = new ProjectsRepository(database.db);
  });
  afterAll(() => database?.close());

  const key = () => `K${randomUUID().replaceAll('-', '').slice(0, 9).toUpperCase()}`;
  const project = (overrides: { key?: string; createdAt?: Date } = {}) => ({
    id: randomUUID(),
    name: 'Apollo',
    key: key(),
    createdBy: randomUUID(),
    ...overrides,
  });

  async function softDelete(projectId: string) {
    await database.db.execute(sql`update projects.projects set deleted_at = now() where id = ${projectId}`);
  }

  /** Sets a timestamp PostgreSQL stores with microseconds, which a JS Date cannot carry. */
  async function setCreatedAt(projectId: string, timestamp: string) {
    await database.db.execute(sql`update projects.projects set created_at = ${timestamp}::timestamptz where id = ${projectId}`);
  }

  /** Every page of the member's list, each continuing after the last row of the one before, as the service does. */
  async function allPages(userId: string, limit: number) {
    const pages: ProjectWithRole[][] = [];
    let after: KeysetPosition | undefined;
    for (let guard = 0; guard < 50; guard++) {
      const page = await projects.listForMember(userId, limit, after);
      if (page.length === 0) return pages;
      pages.push(page);
      const last = page.at(-1)!;
      after = { at: last.createdAt.toISOString(), id: last.id };
    }
    throw new Error('pagination did not end within 50 pages');
  }

  describe('insertWithOwner', () => {
    it('inserts the project with its owner as a member', async () => {
      const owner = randomUUID();
      const input = project();

      expect(await projects.insertWithOwner(input, owner)).toBe(true);

      expect(await projects.findForMember(input.id, owner)).toMatchObject({
        id: input.id,
        key: input.key,
        role: 'owner',
        plan: 'free',
        archived: false,
      });
    });

    it('answers false for the key of a live project and adds no member', async () => {
      const taken = project();
      await projects.insertWithOwner(taken, randomUUID());
      const latecomer = randomUUID();
      const duplicate = project({ key: taken.key });

      expect(await projects.insertWithOwner(duplicate, latecomer)).toBe(false);

      expect(await projects.listForMember(latecomer, 10, undefined)).toEqual([]);
    });

    it('lets a new project take the key of a soft-deleted one', async () => {
      const owner = randomUUID();
      const deleted = project();
      await projects.insertWithOwner(deleted, owner);
      await softDelete(deleted.id);
      const successor = project({ key: deleted.key });

      expect(await projects.insertWithOwner(successor, owner)).toBe(true);

      expect(await projects.findForMember(deleted.id, owner)).toBeUndefined();
      expect((await projects.listForMember(owner, 10, undefined)).map((row) => row.id)).toEqual([successor.id]);
    });

    it('refuses, in the schema, a key of the wrong format', async () => {
      await expect(projects.insertWithOwner(project({ key: 'lower-case' }), randomUUID())).rejects.toThrow();
    });
  });

  describe('findForMember', () => {
    it('finds nothing for someone who is not a member', async () => {
      const input = project();
      await projects.insertWithOwner(input, randomUUID());

      expect(await projects.findForMember(input.id, randomUUID())).toBeUndefined();
    });
  });

  describe('listForMember', () => {
    it('pages newest first in disjoint pages that together hold every project of the member once', async () => {
      const member = randomUUID();
      const ids: string[] = [];
      for (let i = 0; i < 5; i++) {
        const input = project({ createdAt: new Date(Date.UTC(2030, 0, 1, 0, 0, i)) });
        await projects.insertWithOwner(input, member);
        ids.unshift(input.id);
      }
      await projects.insertWithOwner(project(), randomUUID());

      const pages = await allPages(member, 2);

      expect(pages.map((page) => page.length)).toEqual([2, 2, 1]);
      expect(pages.flat().map((row) => row.id)).toEqual(ids);
    });

    it('breaks ties of the same creation time by id, so no row is repeated or skipped', async () => {
      const member = randomUUID();
      const sameTime = new Date('2031-05-06T07:08:09.123Z');
      const ids: string[] = [];
      for (let i = 0; i < 5; i++) {
        const input = project({ createdAt: sameTime });
        await projects.insertWithOwner(input, member);
        ids.push(input.id);
      }

      const pages = await allPages(member, 2);

      expect(pages.flat().map((row) => row.id)).toEqual([...ids].sort().reverse());
    });

    it('is stable: the same position gives the same page', async () => {
      const member = randomUUID();
      for (let i = 0; i < 4; i++) await projects.insertWithOwner(project(), member);
      const [first] = await projects.listForMember(member, 1, undefined);
      const after = { at: first!.createdAt.toISOString(), id: first!.id };

      expect(await projects.listForMember(member, 2, after)).toEqual(await projects.listForMember(member, 2, after));
    });

    // PostgreSQL keeps microseconds; the cursor keeps what a JS Date keeps, milliseconds. Rows created
    // within one millisecond (two requests, a bulk import) must still all be listed.
    it('lists every project when several were created within the same millisecond', async () => {
      const member = randomUUID();
      const micros = ['2032-01-01T00:00:00.000300Z', '2032-01-01T00:00:00.000200Z', '2032-01-01T00:00:00.000100Z'];
      const ids: string[] = [];
      for (const timestamp of micros) {
        const input = project();
        await projects.insertWithOwner(input, member);
        await setCreatedAt(input.id, timestamp);
        ids.push(input.id);
      }

      const listed = (await allPages(member, 1)).flat().map((row) => row.id);

      // Same millisecond: the id breaks the tie, so every row appears exactly once, in id order.
      expect(listed).toEqual([...ids].sort().reverse());
    });

    it('leaves out soft-deleted projects', async () => {
      const member = randomUUID();
      const [kept, deleted] = [project(), project()];
      await projects.insertWithOwner(kept, member);
      await projects.insertWithOwner(deleted, member);
      await softDelete(deleted.id);

      expect((await projects.listForMember(member, 10, undefined)).map((row) => row.id)).toEqual([kept.id]);
    });
  });
}

describe('ProjectsRepository on PGlite', () => projectsRepositoryCases(() => migratedPglite('projects', migrationsFolder)));
