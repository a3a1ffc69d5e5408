import { randomUUID } from 'node:crypto';
import { migratedPglite, type TestDatabase } from '@msp/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationsFolder } from '../db/migrations-folder.js';
import type { ListUsersQuery } from '../directory/directory.service.js';
import { adminCaller, authEvent, userServiceKit, type UserServiceKit } from '../testing/user-service-kit.js';

const noFilter: ListUsersQuery = { q: '', status: '', role: '', limit: 0, cursor: '' };

/**
 * The admin directory's search and keyset pagination, run here on PGlite and by
 * `directory-search.int-spec.ts` on PostgreSQL. Tests share one database, so each one searches for a
 * token of its own and sees only its own users.
 */
export function directorySearchCases(open: () => Promise<TestDatabase>): void {
  let database: TestDatabase;
  let kit: UserServiceKit;
  const admin = adminCaller();

  beforeAll(async () => {
    database = await open();
    kit = userServiceKit(database.db);
  });
  afterAll(async () => {
    await kit?.close();
    await database?.close();
  });

  const token = () => `t${randomUUID().slice(0, 8)}`;
  const list = (query: Partial<ListUsersQuery>) => kit.directory.list(admin, { ...noFilter, ...query });
  const idsOf = (page: { items: Array<{ id: string }> }) => page.items.map((item) => item.id);

  // Creation times handed out in order, in the past: two sign-ups in one millisecond would otherwise
  // make "newest first" ambiguous for the assertions (the id breaks such ties, tested separately).
  let clock = Date.UTC(2020, 0, 1);

  /** Users created one after another, all findable by `tag`; newest last. */
  async function usersTagged(tag: string, count: number) {
    const users = [];
    for (let i = 0; i < count; i++) {
      const user = await kit.newUser({ email: `${tag}-${i}-${randomUUID()}@example.test`, displayName: `User ${i}` });
      const registered = { userId: user.userId, email: user.email, displayName: `User ${i}`, locale: 'en' };
      await kit.consumer.handle(authEvent('auth.user.registered.v1', registered, new Date(++clock)));
      users.push(user);
    }
    return users;
  }

  /** Every page of a search, following nextCursor to the end. */
  async function allPages(query: Partial<ListUsersQuery>) {
    const pages = [];
    let cursor = '';
    do {
      const page = await list({ ...query, cursor });
      pages.push(idsOf(page));
      cursor = page.nextCursor;
    } while (cursor);
    return pages;
  }

  describe('who may search', () => {
    it('refuses customers (FORBIDDEN) and anonymous calls (UNAUTHENTICATED)', async () => {
      const { caller } = await kit.newUser();

      await expect(kit.directory.list(caller, noFilter)).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(kit.directory.list(undefined, noFilter)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
      await expect(kit.directory.get(caller, caller.userId)).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(kit.directory.get(undefined, caller.userId)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    });
  });

  describe('search and filters', () => {
    it('matches the email address or the display name, ignoring case', async () => {
      const tag = token();
      const byEmail = await kit.newUser({ email: `${tag}@example.test`, displayName: 'Someone' });
      const byName = await kit.newUser({ displayName: `Dr ${tag.toUpperCase()} Who` });
      await kit.newUser({ displayName: 'Unrelated' });

      expect(idsOf(await list({ q: tag.toUpperCase() })).sort()).toEqual([byEmail.userId, byName.userId].sort());
    });

    it('takes % and _ in the search text literally', async () => {
      const tag = token();
      const literal = await kit.newUser({ displayName: `${tag} 100%_done` });
      await kit.newUser({ displayName: `${tag} 100 percent xdone` });

      expect(idsOf(await list({ q: `${tag} 100%_` }))).toEqual([literal.userId]);
    });

    it('filters by status and by role, combined with the search', async () => {
      const tag = token();
      const [active, suspended, adminUser] = await usersTagged(tag, 3);
      const by = randomUUID();
      await kit.consumer.handle(authEvent('auth.user.suspended.v1', { userId: suspended!.userId, email: suspended!.email, by }));
      await kit.consumer.handle(authEvent('auth.user.roles_changed.v1', { userId: adminUser!.userId, roles: ['customer', 'admin'], by }));

      expect(idsOf(await list({ q: tag, status: 'suspended' }))).toEqual([suspended!.userId]);
      expect(idsOf(await list({ q: tag, status: 'active' })).sort()).toEqual([active!.userId, adminUser!.userId].sort());
      expect(idsOf(await list({ q: tag, role: 'admin' }))).toEqual([adminUser!.userId]);
      expect(idsOf(await list({ q: tag, role: 'customer' }))).toHaveLength(3);
    });

    it('lists a deleted user as deleted, without their name or address', async () => {
      const tag = token();
      const [user] = await usersTagged(tag, 1);
      await kit.consumer.handle(authEvent('auth.user.deleted.v1', { userId: user!.userId, email: user!.email }));

      expect(idsOf(await list({ q: tag }))).toEqual([]);
      const deleted = (await list({ q: user!.userId, status: 'deleted' })).items;
      expect(deleted).toEqual([expect.objectContaining({ id: user!.userId, status: 'deleted', displayName: 'Deleted user' })]);
    });

    it('returns the summary fields of each user', async () => {
      const tag = token();
      const [user] = await usersTagged(tag, 1);

      expect((await list({ q: tag })).items).toEqual([
        {
          id: user!.userId,
          email: user!.email,
          displayName: 'User 0',
          roles: ['customer'],
          status: 'active',
          emailVerified: false,
          createdAt: expect.any(Date),
        },
      ]);
    });

    it('refuses unknown filters, an over-long search and a forged cursor, naming each field', async () => {
      const forged = Buffer.from(JSON.stringify(['2026-01-01T00:00:00.000Z', 'not-a-uuid'])).toString('base64url');

      await expect(list({ q: 'x'.repeat(201), status: 'gone', role: 'root', cursor: forged })).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
        fields: ['q', 'status', 'role', 'cursor'].map((path) => ({ path, message: expect.any(String) })),
      });
      await expect(list({ cursor: 'garbage' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    });
  });

  describe('keyset pagination', () => {
    it('pages newest first with no duplicates or gaps, and an empty cursor after the last page', async () => {
      const tag = token();
      const users = await usersTagged(tag, 7);

      const pages = await allPages({ q: tag, limit: 3 });

      expect(pages.map((page) => page.length)).toEqual([3, 3, 1]);
      expect(pages.flat()).toEqual(users.map((user) => user.userId).reverse());
    });

    it('orders users created in the same millisecond by id, and pages through them exactly', async () => {
      const tag = token();
      const users = await usersTagged(tag, 5);
      const sameInstant = new Date('2019-06-01T08:00:00.123Z');
      // The earliest time anything was heard of an account is its creation time: earlier than `clock`.
      for (const user of users) {
        await kit.consumer.handle(
          authEvent('auth.user.registered.v1', { userId: user.userId, email: user.email, displayName: 'x', locale: 'en' }, sameInstant),
        );
      }

      const pages = await allPages({ q: tag, limit: 2 });

      expect(pages.map((page) => page.length)).toEqual([2, 2, 1]);
      expect(pages.flat()).toEqual(
        users
          .map((user) => user.userId)
          .sort()
          .reverse(),
      );
    });

    it('stays stable when users sign up while an admin pages', async () => {
      const tag = token();
      const users = await usersTagged(tag, 4);

      const first = await list({ q: tag, limit: 2 });
      await usersTagged(tag, 2);
      const second = await list({ q: tag, limit: 2, cursor: first.nextCursor });

      expect([...idsOf(first), ...idsOf(second)]).toEqual(users.map((user) => user.userId).reverse());
    });

    it('uses 20 per page by default and never more than 100', async () => {
      const tag = token();
      await usersTagged(tag, 21);

      expect((await list({ q: tag })).items).toHaveLength(20);
      expect((await list({ q: tag, limit: 1000 })).items).toHaveLength(21);
    });
  });

  describe('one user', () => {
    it('gives the summary and the profile', async () => {
      const { userId, email, caller } = await kit.newUser({ displayName: 'Ada' });
      await kit.profiles.update(caller, { timezone: 'Europe/London' });

      const { user, profile } = await kit.directory.get(admin, userId);

      expect(user).toMatchObject({ id: userId, email, displayName: 'Ada', roles: ['customer'], status: 'active' });
      expect(profile).toMatchObject({ userId, email, timezone: 'Europe/London' });
    });

    it('answers USER_NOT_FOUND for an unknown or malformed id', async () => {
      await expect(kit.directory.get(admin, randomUUID())).rejects.toMatchObject({ code: 'USER_NOT_FOUND' });
      await expect(kit.directory.get(admin, 'nope')).rejects.toMatchObject({ code: 'USER_NOT_FOUND' });
    });
  });
}

describe('directory search on PGlite', () => directorySearchCases(() => migratedPglite('users', migrationsFolder)));
