import { randomUUID } from 'node:crypto';
import { migratedPglite, type TestDatabase } from '@msp/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationsFolder } from '../db/migrations-folder.js';
import { failure, projectHarness, type Harness, type TestPerson, type TestProject } from './project-harness.js';

/** An archived project is read-only: run on PGlite here and on PostgreSQL by the int-spec. */
export function archivedProjectCases(open: () => Promise<TestDatabase>): void {
  let database: TestDatabase;
  let h: Harness;

  beforeAll(async () => {
    database = await open();
    h = await projectHarness(database);
  });
  afterAll(() => database?.close());

  interface ArchivedScene extends TestProject {
    taskId: string;
    invitee: TestPerson;
    token: string;
  }

  /** A project with a task and an open invitation, then archived by its admin. */
  async function archived(): Promise<ArchivedScene> {
    const p = await h.project();
    const task = await h.tasks.create(p.id, { title: 'Kept for the record' }, p.member.caller);
    const invitee = await h.person();
    const invitation = await h.invitations.create(p.id, { email: invitee.email, role: 'member' }, p.admin.caller);
    const token = (await h.events('project.member.invited.v1')).find((event) => event.data.invitationId === invitation.id)!.data.token;
    await h.projects.update(p.id, { archived: true }, p.admin.caller);
    return { ...p, taskId: task.id, invitee, token };
  }

  const changes: Record<string, (h: Harness, s: ArchivedScene) => Promise<unknown>> = {
    'create a task': (h, s) => h.tasks.create(s.id, { title: 'New' }, s.member.caller),
    'update a task': (h, s) => h.tasks.update(s.id, s.taskId, 1, { status: 'done' }, s.member.caller),
    'delete a task': (h, s) => h.tasks.delete(s.id, s.taskId, s.member.caller),
    'comment on a task': (h, s) => h.comments.create(s.id, s.taskId, 'Hello', s.member.caller),
    invite: (h, s) => h.invitations.create(s.id, { email: `${randomUUID()}@example.test`, role: 'viewer' }, s.admin.caller),
    "change a member's role": (h, s) => h.members.changeRole(s.id, s.viewer.userId, 'member', s.owner.caller),
    'accept an invitation into it': (h, s) => h.invitations.accept(s.token, s.invitee.caller),
    'rename it without unarchiving': (h, s) => h.projects.update(s.id, { name: 'Renamed' }, s.admin.caller),
  };

  it.each(Object.entries(changes))('refuses to %s with PROJECT_ARCHIVED', async (_name, change) => {
    const s = await archived();
    expect(await failure(change(h, s))).toMatchObject({ code: 'PROJECT_ARCHIVED' });
  });

  it('leaves everything as it was after the refusals', async () => {
    const s = await archived();
    for (const change of Object.values(changes)) await change(h, s).catch(() => {});

    expect(await h.tasks.get(s.id, s.taskId, s.viewer.caller)).toMatchObject({ title: 'Kept for the record', status: 'todo', version: 1 });
    expect((await h.tasks.list(s.id, {}, s.viewer.caller, 100, '')).items).toHaveLength(1);
    expect((await h.comments.list(s.id, s.taskId, s.viewer.caller, 100, '')).items).toEqual([]);
    expect((await h.members.list(s.id, s.viewer.caller)).map((member) => member.role).sort()).toEqual([
      'admin',
      'member',
      'owner',
      'viewer',
    ]);
    expect(await h.projects.get(s.id, s.admin.caller)).toMatchObject({ name: `Project ${s.key}`, archived: true });
    // The refused acceptance rolled back: the invitation is still open.
    expect((await h.invitations.listOpen(s.id, s.admin.caller)).map((invitation) => invitation.email)).toEqual([s.invitee.email]);
  });

  it('still answers every read', async () => {
    const s = await archived();
    const reads = [
      h.projects.get(s.id, s.viewer.caller),
      h.tasks.list(s.id, { q: 'record' }, s.viewer.caller, 10, ''),
      h.tasks.get(s.id, s.taskId, s.viewer.caller),
      h.comments.list(s.id, s.taskId, s.viewer.caller, 10, ''),
      h.members.list(s.id, s.viewer.caller),
      h.activity.list(s.id, s.viewer.caller, 10, ''),
      h.invitations.listOpen(s.id, s.admin.caller),
    ];
    await expect(Promise.all(reads)).resolves.toHaveLength(reads.length);
  });

  it('says FORBIDDEN or PROJECT_NOT_FOUND first to those who may not make the change anyway', async () => {
    const s = await archived();
    expect(await failure(h.tasks.create(s.id, { title: 'New' }, s.viewer.caller))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await failure(h.tasks.create(s.id, { title: 'New' }, s.outsider.caller))).toMatchObject({ code: 'PROJECT_NOT_FOUND' });
    expect(await failure(h.members.changeRole(s.id, s.viewer.userId, 'member', s.member.caller))).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('lets an admin unarchive it, with other changes at once, after which it takes changes again', async () => {
    const s = await archived();

    await expect(h.projects.update(s.id, { archived: true }, s.admin.caller)).resolves.toMatchObject({ archived: true });
    const unarchived = await h.projects.update(s.id, { archived: false, name: 'Revived' }, s.admin.caller);

    expect(unarchived).toMatchObject({ archived: false, name: 'Revived' });
    await expect(h.tasks.update(s.id, s.taskId, 1, { status: 'done' }, s.member.caller)).resolves.toMatchObject({ version: 2 });
    await expect(h.invitations.accept(s.token, s.invitee.caller)).resolves.toMatchObject({ id: s.id, role: 'member' });
  });

  it('still lets people leave, admins remove members and revoke invitations, and the owner delete it', async () => {
    const s = await archived();
    const [invitation] = await h.invitations.listOpen(s.id, s.admin.caller);

    await h.members.remove(s.id, s.member.userId, s.member.caller);
    await h.members.remove(s.id, s.viewer.userId, s.admin.caller);
    await h.invitations.revoke(s.id, invitation!.id, s.admin.caller);
    expect((await h.members.list(s.id, s.owner.caller)).map((member) => member.userId).sort()).toEqual(
      [s.owner.userId, s.admin.userId].sort(),
    );

    await h.projects.delete(s.id, s.owner.caller);
    expect(await failure(h.projects.get(s.id, s.owner.caller))).toMatchObject({ code: 'PROJECT_NOT_FOUND' });
  });

  it('still applies an account deletion: the project passes to the longest-standing admin', async () => {
    const s = await archived();

    await h.consumer.handle(h.event('auth.user.deleted.v1', { userId: s.owner.userId, email: s.owner.email }));

    expect(await h.members.list(s.id, s.admin.caller)).toContainEqual(expect.objectContaining({ userId: s.admin.userId, role: 'owner' }));
  });
}

describe('Archived projects on PGlite', () => archivedProjectCases(() => migratedPglite('projects', migrationsFolder)));
