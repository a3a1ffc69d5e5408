import { randomUUID } from 'node:crypto';
import type { Subscription } from '@msp/platform';
import { migratedPglite, type TestDatabase } from '@msp/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationsFolder } from '../db/migrations-folder.js';
import { PeopleConsumer } from '../people/people.consumer.js';
import { failure, projectHarness, type Harness, type TestPerson } from './project-harness.js';

/** The people consumer and account deletion: run on PGlite here and on PostgreSQL by the int-spec. */
export function peopleCases(open: () => Promise<TestDatabase>): void {
  let database: TestDatabase;
  let h: Harness;

  beforeAll(async () => {
    database = await open();
    h = await projectHarness(database);
  });
  afterAll(() => database?.close());

  const profile = (userId: string, email: string, displayName: string) => ({
    userId,
    email,
    displayName,
    locale: 'en',
    timezone: 'UTC',
    avatarUrl: null,
  });
  const roleOf = async (projectId: string, userId: string) => (await h.repositories.membership.roleOf(projectId, userId)) ?? null;

  it('subscribes the project queue to the events it handles', async () => {
    const subscriptions: Subscription[] = [];
    const bus = { subscribe: async (subscription: Subscription) => void subscriptions.push(subscription) };
    await new PeopleConsumer(bus as never, {} as never, h.repositories.people, {} as never, h.access).start();

    expect(subscriptions).toEqual([
      expect.objectContaining({ queue: 'project', events: ['auth.user.registered.v1', 'user.profile.updated.v1', 'auth.user.deleted.v1'] }),
    ]);
  });

  describe('people', () => {
    it('records a registration, normalizing the address', async () => {
      const userId = randomUUID();
      await h.consumer.handle(h.event('auth.user.registered.v1', { userId, email: 'Ada@Example.TEST', displayName: 'Ada', locale: 'en' }));
      expect(await h.repositories.people.find(userId)).toEqual({ userId, email: 'ada@example.test', displayName: 'Ada' });
    });

    it('takes a newer profile, ignores an older one, and applies each event once', async () => {
      const userId = randomUUID();
      const registered = h.event(
        'auth.user.registered.v1',
        { userId, email: 'old@example.test', displayName: 'Old', locale: 'en' },
        '2030-01-01T00:00:00.000Z',
      );
      await h.consumer.handle(registered);
      await h.consumer.handle(h.event('user.profile.updated.v1', profile(userId, 'new@example.test', 'New'), '2030-01-03T00:00:00.000Z'));
      await h.consumer.handle(
        h.event('user.profile.updated.v1', profile(userId, 'older@example.test', 'Older'), '2030-01-02T00:00:00.000Z'),
      );
      await h.consumer.handle(registered);

      expect(await h.repositories.people.find(userId)).toEqual({ userId, email: 'new@example.test', displayName: 'New' });
    });

    it('fills a profile that arrives before the registration, and ignores events of unrelated types', async () => {
      const userId = randomUUID();
      await h.consumer.handle(
        h.event('user.profile.updated.v1', profile(userId, 'first@example.test', 'First'), '2030-02-02T00:00:00.000Z'),
      );
      await h.consumer.handle(
        h.event('auth.user.registered.v1', { userId, email: 'x@example.test', displayName: 'X', locale: 'en' }, '2030-02-01T00:00:00.000Z'),
      );
      await h.consumer.handle(h.event('auth.mfa.enabled.v1', { userId, email: 'mfa@example.test' }));

      expect(await h.repositories.people.find(userId)).toEqual({ userId, email: 'first@example.test', displayName: 'First' });
    });
  });

  describe('account deletion', () => {
    const deleted = (person: TestPerson) => h.event('auth.user.deleted.v1', { userId: person.userId, email: person.email });

    it('hands a project of its only owner to the longest-standing admin', async () => {
      const p = await h.project();
      const laterAdmin = await h.person();
      await h.addMember(p.id, laterAdmin.userId, 'admin');
      await h.projects.get(p.id, p.owner.caller); // cached as owner

      await h.consumer.handle(deleted(p.owner));

      expect(await roleOf(p.id, p.admin.userId)).toBe('owner');
      expect(await roleOf(p.id, laterAdmin.userId)).toBe('admin');
      expect(await failure(h.projects.get(p.id, p.owner.caller))).toMatchObject({ code: 'PROJECT_NOT_FOUND' });
      await expect(h.projects.delete(p.id, p.admin.caller)).resolves.toBeUndefined(); // the new owner can act at once
      const changed = (await h.events('project.member.role_changed.v1')).find((event) => event.data.projectId === p.id);
      expect(changed?.data).toEqual({
        projectId: p.id,
        userId: p.admin.userId,
        role: 'owner',
        previousRole: 'admin',
        changedBy: p.owner.userId,
      });
      const removed = (await h.events('project.member.removed.v1')).find((event) => event.data.projectId === p.id);
      expect(removed?.data).toEqual({ projectId: p.id, userId: p.owner.userId, removedBy: p.owner.userId, reason: 'account_deleted' });
    });

    it('hands it to the longest-standing member when there is no admin, never to a viewer', async () => {
      const p = await h.project();
      await h.members.remove(p.id, p.admin.userId, p.admin.caller);

      await h.consumer.handle(deleted(p.owner));

      expect([await roleOf(p.id, p.member.userId), await roleOf(p.id, p.viewer.userId)]).toEqual(['owner', 'viewer']);
    });

    it('deletes a project that has only viewers left, and leaves projects with other owners be', async () => {
      const lonely = await h.project();
      await h.members.remove(lonely.id, lonely.admin.userId, lonely.admin.caller);
      await h.members.remove(lonely.id, lonely.member.userId, lonely.member.caller);
      const shared = await h.project();
      await h.members.changeRole(shared.id, shared.admin.userId, 'owner', shared.owner.caller);
      const owner = lonely.owner;
      await h.addMember(shared.id, owner.userId, 'owner');

      await h.consumer.handle(deleted(owner));

      expect(await failure(h.projects.get(lonely.id, lonely.viewer.caller))).toMatchObject({ code: 'PROJECT_NOT_FOUND' });
      expect((await h.events('project.deleted.v1')).find((event) => event.data.projectId === lonely.id)?.data).toEqual({
        projectId: lonely.id,
        key: lonely.key,
        deletedBy: owner.userId,
      });
      expect(await roleOf(shared.id, owner.userId)).toBeNull();
      expect([await roleOf(shared.id, shared.owner.userId), await roleOf(shared.id, shared.admin.userId)]).toEqual(['owner', 'owner']);
    });

    it('unassigns the user’s tasks, keeps what they wrote, forgets the person, and ignores late profiles', async () => {
      const p = await h.project();
      const task = await h.tasks.create(p.id, { title: 'Theirs', assigneeId: p.member.userId }, p.member.caller);
      await h.comments.create(p.id, task.id, 'A thought', p.member.caller);

      await h.consumer.handle(deleted(p.member));
      await h.consumer.handle(h.event('user.profile.updated.v1', profile(p.member.userId, p.member.email, 'Back?')));

      expect(await h.tasks.get(p.id, task.id, p.owner.caller)).toMatchObject({ assigneeId: null, createdBy: p.member.userId });
      expect((await h.comments.list(p.id, task.id, p.owner.caller, 10, '')).items).toMatchObject([{ body: 'A thought' }]);
      expect(await h.repositories.people.find(p.member.userId)).toBeUndefined();
      expect(await h.activityOf(p.id)).toContainEqual({
        actorId: p.member.userId,
        action: 'member.removed',
        subject: p.member.userId,
        data: { role: 'member', unassignedTasks: [task.number], reason: 'account_deleted' },
      });
    });

    it('applies a redelivered deletion once', async () => {
      const p = await h.project();
      const event = deleted(p.owner);
      await h.consumer.handle(event);
      await h.consumer.handle(event);

      expect((await h.events('project.member.removed.v1')).filter((e) => e.data.projectId === p.id)).toHaveLength(1);
    });
  });
}

describe('People and account deletion on PGlite', () => peopleCases(() => migratedPglite('projects', migrationsFolder)));
