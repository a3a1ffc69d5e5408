import { randomUUID } from 'node:crypto';
import { migratedPglite, type TestDatabase } from '@msp/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdminProjectsRepository } from '../admin-projects/admin-projects.repository.js';
import { AdminProjectsService, type ListAllProjectsQuery } from '../admin-projects/admin-projects.service.js';
import { migrationsFolder } from '../db/migrations-folder.js';
import { failure, nextMillisecond, projectHarness, type Harness, type TestPerson } from './project-harness.js';

const noFilter: ListAllProjectsQuery = { q: '', status: '', plan: '', limit: 0, cursor: '' };

/**
 * The platform admins' project directory, run here on PGlite and by `admin-projects.int-spec.ts` on
 * PostgreSQL. Tests share one database, so each searches for a token of its own.
 */
export function adminProjectsCases(open: () => Promise<TestDatabase>): void {
  let database: TestDatabase;
  let h: Harness;
  let service: AdminProjectsService;
  let admin: TestPerson;

  beforeAll(async () => {
    database = await open();
    h = await projectHarness(database);
    service = new AdminProjectsService(new AdminProjectsRepository(database.db));
    admin = await h.person(['customer', 'admin']);
  });
  afterAll(() => database?.close());

  const token = () => `Q${randomUUID().replaceAll('-', '').slice(0, 6).toUpperCase()}`;
  const list = (query: Partial<ListAllProjectsQuery>) => service.list(admin.caller, { ...noFilter, ...query });
  const keysOf = (page: { items: Array<{ key: string }> }) => page.items.map((item) => item.key);

  /** Projects created one after another by `owner`, named after `tag`; newest last. */
  async function projectsNamed(tag: string, count: number, owner?: TestPerson) {
    const by = owner ?? (await h.person());
    const created = [];
    for (let i = 0; i < count; i++) {
      await nextMillisecond();
      created.push(await h.projects.create({ name: `${tag} project ${i}`, key: `${tag}${i}`, description: '' }, by.caller));
    }
    return created;
  }

  const setPlan = (projectId: string, plan: string) =>
    h.inTransaction((tx) => tx.execute(sql`update projects.projects set plan = ${plan} where id = ${projectId}`));

  describe('who may look', () => {
    it('refuses customers, project owners included (FORBIDDEN), and anonymous calls (UNAUTHENTICATED)', async () => {
      const owner = await h.person();
      const [project] = await projectsNamed(token(), 1, owner);

      for (const call of [() => service.list(owner.caller, noFilter), () => service.get(owner.caller, project!.id)]) {
        expect((await failure(call())).code).toBe('FORBIDDEN');
      }
      for (const call of [() => service.list(undefined, noFilter), () => service.get(undefined, project!.id)]) {
        expect((await failure(call())).code).toBe('UNAUTHENTICATED');
      }
    });
  });

  describe('search, filters and pages', () => {
    it('matches part of the name or the key in any case, and takes % and _ literally', async () => {
      const tag = token();
      const [byName] = await projectsNamed(tag, 1);
      const other = await h.projects.create({ name: 'Unrelated', key: `${tag.slice(0, 4)}Z`, description: '' }, (await h.person()).caller);

      expect(keysOf(await list({ q: `${tag.toLowerCase()} PROJECT` }))).toEqual([byName!.key]);
      expect(keysOf(await list({ q: `${tag.slice(0, 4).toLowerCase()}z` }))).toEqual([other.key]);
      expect(keysOf(await list({ q: `${tag}%` }))).toEqual([]);
      expect(keysOf(await list({ q: `${tag}_project` }))).toEqual([]);
    });

    it('filters by archived or active, and by plan', async () => {
      const tag = token();
      const [free, pro, archived] = await projectsNamed(tag, 3);
      await setPlan(pro!.id, 'pro');
      await h.projects.update(archived!.id, { archived: true }, { ...admin.caller, userId: (await ownerOf(archived!.id)).userId });

      expect(keysOf(await list({ q: tag, status: 'archived' }))).toEqual([archived!.key]);
      expect(keysOf(await list({ q: tag, status: 'active' }))).toEqual([pro!.key, free!.key]);
      expect(keysOf(await list({ q: tag, plan: 'pro' }))).toEqual([pro!.key]);
      expect(keysOf(await list({ q: tag, plan: 'business' }))).toEqual([]);
    });

    it('pages newest first with cursors, every project once, and leaves deleted projects out', async () => {
      const tag = token();
      const created = await projectsNamed(tag, 5);
      const deleted = created[2]!;
      await h.inTransaction((tx) => tx.execute(sql`update projects.projects set deleted_at = now() where id = ${deleted.id}`));

      const pages: string[][] = [];
      let cursor = '';
      do {
        const page = await list({ q: tag, limit: 2, cursor });
        pages.push(keysOf(page));
        cursor = page.nextCursor;
      } while (cursor);

      const expected = created.filter((project) => project !== deleted).map((project) => project.key);
      expect(pages).toEqual([expected.slice(2).reverse(), expected.slice(0, 2).reverse()]);
    });

    it('reports every invalid filter at once', async () => {
      const problem = await failure(list({ q: 'x'.repeat(201), status: 'gone', plan: 'gold', cursor: 'not-a-cursor' }));
      expect(problem.code).toBe('VALIDATION_FAILED');
      expect(problem.fields.map((field) => field.path).sort()).toEqual(['cursor', 'plan', 'q', 'status']);
    });
  });

  describe('one project', () => {
    it('has its owner, its member count and its live task count', async () => {
      const p = await h.project();
      const first = await h.tasks.create(p.id, { title: 'One' }, p.member.caller);
      await h.tasks.create(p.id, { title: 'Two' }, p.member.caller);
      await h.tasks.delete(p.id, first.id, p.member.caller);

      const overview = await service.get(admin.caller, p.id);

      expect(overview).toMatchObject({ id: p.id, key: p.key, plan: 'free', archived: false, membersCount: 4, tasksCount: 1 });
      expect(overview.owner).toEqual({ projectId: p.id, userId: p.owner.userId, email: p.owner.email, displayName: p.owner.displayName });
      const [listed] = (await list({ q: p.key })).items;
      expect(listed).toEqual(overview);
    });

    it('answers PROJECT_NOT_FOUND for a deleted project, an unknown id and a malformed one', async () => {
      const p = await h.project();
      await h.projects.delete(p.id, p.owner.caller);

      for (const id of [p.id, randomUUID(), 'not-an-id']) {
        expect((await failure(service.get(admin.caller, id))).code, id).toBe('PROJECT_NOT_FOUND');
      }
    });
  });

  async function ownerOf(projectId: string) {
    const [owner] = await new AdminProjectsRepository(database.db).owners([projectId]);
    return owner!;
  }
}

describe('Admin project directory on PGlite', () => adminProjectsCases(() => migratedPglite('projects', migrationsFolder)));
