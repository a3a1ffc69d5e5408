import { migratedPglite, type TestDatabase } from '@msp/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationsFolder } from '../db/migrations-folder.js';
import { failure, projectHarness, type Harness } from './project-harness.js';

/** Members and project settings: run on PGlite here and on PostgreSQL by the int-spec. */
export function memberCases(open: () => Promise<TestDatabase>): void {
  let database: TestDatabase;
  let h: Harness;

  beforeAll(async () => {
    database = await open();
    h = await projectHarness(database);
  });
  afterAll(() => database?.close());

  const roleOf = async (projectId: string, userId: string) => (await h.repositories.membership.roleOf(projectId, userId)) ?? null;

  describe('list', () => {
    it('shows every member, longest-standing first, with name and address from people', async () => {
      const p = await h.project();

      const listed = await h.members.list(p.id, p.viewer.caller);

      expect(listed.map(({ userId, displayName, email, role }) => ({ userId, displayName, email, role }))).toEqual(
        [
          [p.owner, 'owner'],
          [p.admin, 'admin'],
          [p.member, 'member'],
          [p.viewer, 'viewer'],
        ].map(([person, role]) => {
          const { userId, displayName, email } = person as typeof p.owner;
          return { userId, displayName, email, role };
        }),
      );
      expect(listed[0]!.joinedAt).toBeInstanceOf(Date);
    });

    it('shows empty name and address for someone the service never heard of', async () => {
      const p = await h.project();
      const stranger = '00000000-0000-4000-8000-000000000001';
      await h.addMember(p.id, stranger, 'viewer');

      expect((await h.members.list(p.id, p.owner.caller)).find((member) => member.userId === stranger)).toMatchObject({
        displayName: '',
        email: '',
      });
    });
  });

  describe('changeRole', () => {
    it('lets admins change roles below owner, logs it, emits it, and the next look-up sees it', async () => {
      const p = await h.project();
      await h.tasks.list(p.id, {}, p.viewer.caller, 1, ''); // caches the viewer's role

      const changed = await h.members.changeRole(p.id, p.viewer.userId, 'member', p.admin.caller);

      expect(changed).toMatchObject({ userId: p.viewer.userId, role: 'member', email: p.viewer.email });
      await expect(h.tasks.create(p.id, { title: 'Now I can' }, p.viewer.caller)).resolves.toMatchObject({ title: 'Now I can' });
      expect(await h.activityOf(p.id)).toContainEqual({
        actorId: p.admin.userId,
        action: 'member.role_changed',
        subject: p.viewer.userId,
        data: { from: 'viewer', to: 'member' },
      });
      expect((await h.events('project.member.role_changed.v1')).find((event) => event.data.projectId === p.id)?.data).toEqual({
        projectId: p.id,
        userId: p.viewer.userId,
        role: 'member',
        previousRole: 'viewer',
        changedBy: p.admin.userId,
      });
    });

    it('lets only owners make or unmake owners', async () => {
      const p = await h.project();

      expect(await failure(h.members.changeRole(p.id, p.member.userId, 'owner', p.admin.caller))).toMatchObject({ code: 'FORBIDDEN' });
      expect(await failure(h.members.changeRole(p.id, p.owner.userId, 'member', p.admin.caller))).toMatchObject({ code: 'FORBIDDEN' });

      await h.members.changeRole(p.id, p.member.userId, 'owner', p.owner.caller);
      await h.members.changeRole(p.id, p.owner.userId, 'admin', p.member.caller);
      expect([await roleOf(p.id, p.member.userId), await roleOf(p.id, p.owner.userId)]).toEqual(['owner', 'admin']);
    });

    it('keeps the last owner an owner (LAST_OWNER), even when they demote themselves', async () => {
      const p = await h.project();

      expect(await failure(h.members.changeRole(p.id, p.owner.userId, 'admin', p.owner.caller))).toMatchObject({ code: 'LAST_OWNER' });
      expect(await roleOf(p.id, p.owner.userId)).toBe('owner');
    });

    it('forbids members and viewers, and answers non-members as if there were no project', async () => {
      const p = await h.project();
      expect(await failure(h.members.changeRole(p.id, p.viewer.userId, 'member', p.member.caller))).toMatchObject({ code: 'FORBIDDEN' });
      expect(await failure(h.members.changeRole(p.id, p.viewer.userId, 'member', p.outsider.caller))).toMatchObject({
        code: 'PROJECT_NOT_FOUND',
      });
    });

    it('answers MEMBER_NOT_FOUND for someone not in the project and VALIDATION_FAILED for a bad role', async () => {
      const p = await h.project();
      expect(await failure(h.members.changeRole(p.id, p.outsider.userId, 'member', p.owner.caller))).toMatchObject({
        code: 'MEMBER_NOT_FOUND',
      });
      expect(await failure(h.members.changeRole(p.id, 'nobody', 'member', p.owner.caller))).toMatchObject({ code: 'MEMBER_NOT_FOUND' });
      expect(await failure(h.members.changeRole(p.id, p.member.userId, 'boss', p.owner.caller))).toMatchObject({
        code: 'VALIDATION_FAILED',
        fields: [{ path: 'role' }],
      });
    });
  });

  describe('remove', () => {
    it('lets admins remove members: their tasks become unassigned, and they lose access at once', async () => {
      const p = await h.project();
      const task = await h.tasks.create(p.id, { title: 'Mine', assigneeId: p.member.userId }, p.member.caller);

      await h.members.remove(p.id, p.member.userId, p.admin.caller);

      expect(await failure(h.tasks.list(p.id, {}, p.member.caller, 10, ''))).toMatchObject({ code: 'PROJECT_NOT_FOUND' });
      expect(await h.tasks.get(p.id, task.id, p.owner.caller)).toMatchObject({ assigneeId: null, version: 2 });
      expect(await h.activityOf(p.id)).toContainEqual({
        actorId: p.admin.userId,
        action: 'member.removed',
        subject: p.member.userId,
        data: { role: 'member', unassignedTasks: [task.number] },
      });
      expect((await h.events('project.member.removed.v1')).find((event) => event.data.projectId === p.id)?.data).toEqual({
        projectId: p.id,
        userId: p.member.userId,
        removedBy: p.admin.userId,
        reason: 'removed',
      });
    });

    it('lets anyone leave, logged as member.left', async () => {
      const p = await h.project();
      await h.members.remove(p.id, p.viewer.userId, p.viewer.caller);

      expect(await roleOf(p.id, p.viewer.userId)).toBeNull();
      expect(await h.activityOf(p.id)).toContainEqual(expect.objectContaining({ actorId: p.viewer.userId, action: 'member.left' }));
    });

    it('lets only owners remove owners, and never the last one, who cannot leave either', async () => {
      const p = await h.project();
      expect(await failure(h.members.remove(p.id, p.owner.userId, p.admin.caller))).toMatchObject({ code: 'FORBIDDEN' });
      expect(await failure(h.members.remove(p.id, p.owner.userId, p.owner.caller))).toMatchObject({ code: 'LAST_OWNER' });

      await h.members.changeRole(p.id, p.admin.userId, 'owner', p.owner.caller);
      await h.members.remove(p.id, p.owner.userId, p.admin.caller);
      expect(await roleOf(p.id, p.owner.userId)).toBeNull();
      expect(await failure(h.members.remove(p.id, p.admin.userId, p.admin.caller))).toMatchObject({ code: 'LAST_OWNER' });
    });

    it('forbids members and viewers to remove others', async () => {
      const p = await h.project();
      expect(await failure(h.members.remove(p.id, p.viewer.userId, p.member.caller))).toMatchObject({ code: 'FORBIDDEN' });
      expect(await failure(h.members.remove(p.id, p.member.userId, p.viewer.caller))).toMatchObject({ code: 'FORBIDDEN' });
    });
  });

  describe('project settings', () => {
    it('lets admins rename, describe and archive, logging and announcing what changed', async () => {
      const p = await h.project();

      const updated = await h.projects.update(p.id, { name: ' Renamed ', archived: true }, p.admin.caller);

      expect(updated).toMatchObject({ id: p.id, name: 'Renamed', archived: true, role: 'admin' });
      expect(await h.projects.get(p.id, p.viewer.caller)).toMatchObject({ name: 'Renamed', archived: true });
      expect((await h.events('project.updated.v1')).find((event) => event.data.projectId === p.id)?.data).toEqual({
        projectId: p.id,
        key: p.key,
        name: 'Renamed',
        description: '',
        archived: true,
        changed: ['name', 'archived'],
        updatedBy: p.admin.userId,
      });
      expect(await h.activityOf(p.id)).toContainEqual({
        actorId: p.admin.userId,
        action: 'project.updated',
        subject: p.key,
        data: {
          changed: ['name', 'archived'],
          from: { name: `Project ${p.key}`, archived: false },
          to: { name: 'Renamed', archived: true },
        },
      });
    });

    it('validates name and description, and does nothing for an update that changes nothing', async () => {
      const p = await h.project();
      const error = await failure(h.projects.update(p.id, { name: '', description: 'x'.repeat(2001) }, p.owner.caller));
      expect(error).toMatchObject({ code: 'VALIDATION_FAILED' });
      expect(error.fields.map((field) => field.path).sort()).toEqual(['description', 'name']);
      expect(await failure(h.projects.update(p.id, { name: 'x'.repeat(101) }, p.owner.caller))).toMatchObject({
        fields: [{ path: 'name' }],
      });

      const before = (await h.events('project.updated.v1')).length;
      await h.projects.update(p.id, { name: `Project ${p.key}` }, p.owner.caller);
      expect(await h.events('project.updated.v1')).toHaveLength(before);
    });

    it('lets only owners delete; then the project is gone for everyone, and its key is free', async () => {
      const p = await h.project();
      expect(await failure(h.projects.delete(p.id, p.admin.caller))).toMatchObject({ code: 'FORBIDDEN' });
      await h.projects.get(p.id, p.member.caller); // cached as a member

      await h.projects.delete(p.id, p.owner.caller);

      for (const person of [p.owner, p.admin, p.member, p.viewer]) {
        expect(await failure(h.projects.get(p.id, person.caller))).toMatchObject({ code: 'PROJECT_NOT_FOUND' });
        expect(await failure(h.tasks.list(p.id, {}, person.caller, 10, ''))).toMatchObject({ code: 'PROJECT_NOT_FOUND' });
      }
      expect((await h.projects.list(p.owner.caller, 100, '')).items.map((item) => item.id)).not.toContain(p.id);
      expect((await h.events('project.deleted.v1')).find((event) => event.data.projectId === p.id)?.data).toEqual({
        projectId: p.id,
        key: p.key,
        deletedBy: p.owner.userId,
      });
      await expect(h.projects.create({ name: 'Again', key: p.key, description: '' }, p.owner.caller)).resolves.toMatchObject({
        key: p.key,
      });
    });
  });
}

describe('Members and project settings on PGlite', () => memberCases(() => migratedPglite('projects', migrationsFolder)));
