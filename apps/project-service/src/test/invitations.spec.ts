import { randomUUID } from 'node:crypto';
import { migratedPglite, type TestDatabase } from '@msp/testing';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationsFolder } from '../db/migrations-folder.js';
import { invitations } from '../db/schema.js';
import { hashInvitationToken } from '../invitations/invitation-token.js';
import { INVITATION_TTL_MS } from '../invitations/invitations.service.js';
import { failure, projectHarness, type Harness, type TestProject } from './project-harness.js';

/** Invitations: run on PGlite here and on PostgreSQL by the int-spec. */
export function invitationCases(open: () => Promise<TestDatabase>): void {
  let database: TestDatabase;
  let h: Harness;
  let p: TestProject;

  beforeAll(async () => {
    database = await open();
    h = await projectHarness(database);
    p = await h.project();
  });
  afterAll(() => database?.close());

  /** Invites `email` and returns the invitation with the raw token, which only the event carries. */
  async function invite(email: string, role = 'member', project = p, by = project.admin) {
    const invitation = await h.invitations.create(project.id, { email, role }, by.caller);
    const event = (await h.events('project.member.invited.v1')).find((e) => e.data.invitationId === invitation.id)!;
    return { invitation, token: event.data.token, event };
  }

  const newAddress = () => `invitee-${randomUUID().slice(0, 8)}@example.test`;

  describe('create', () => {
    it('normalizes the address, expires in 7 days, stores only the token hash, and emails the token', async () => {
      const address = newAddress();
      const before = Date.now();

      const { invitation, token, event } = await invite(`  ${address.toUpperCase()} `, 'viewer');

      expect(invitation).toMatchObject({ email: address, role: 'viewer' });
      expect(invitation.expiresAt.getTime() - before).toBeGreaterThanOrEqual(INVITATION_TTL_MS - 1000);
      expect(invitation.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(INVITATION_TTL_MS);
      expect(event.data).toEqual({
        invitationId: invitation.id,
        projectId: p.id,
        projectName: `Project ${p.key}`,
        projectKey: p.key,
        email: address,
        role: 'viewer',
        invitedBy: p.admin.userId,
        inviterName: p.admin.displayName,
        token,
        expiresAt: invitation.expiresAt.toISOString(),
      });
      const [stored] = await h.db.select({ tokenHash: invitations.tokenHash }).from(invitations).where(eq(invitations.id, invitation.id));
      expect(stored!.tokenHash).toBe(hashInvitationToken(token));
      expect(stored!.tokenHash).not.toContain(token);
      expect(await h.activityOf(p.id)).toContainEqual({
        actorId: p.admin.userId,
        action: 'member.invited',
        subject: address,
        data: { role: 'viewer', invitationId: invitation.id },
      });
    });

    it('replaces an open invitation to the same address: the old token stops working', async () => {
      const address = newAddress();
      const first = await invite(address, 'viewer');
      const second = await invite(address.toUpperCase(), 'admin');
      const invitee = await h.person();
      await h.consumer.handle(h.event('user.profile.updated.v1', profile(invitee.userId, address)));

      expect((await h.invitations.listOpen(p.id, p.admin.caller)).filter((i) => i.email === address).map((i) => i.id)).toEqual([
        second.invitation.id,
      ]);
      expect(await failure(h.invitations.accept(first.token, invitee.caller))).toMatchObject({ code: 'INVITATION_NOT_FOUND' });
      await expect(h.invitations.accept(second.token, invitee.caller)).resolves.toMatchObject({ id: p.id, role: 'admin' });
    });

    it('answers ALREADY_MEMBER for the address of a member, whatever its case', async () => {
      expect(
        await failure(h.invitations.create(p.id, { email: p.member.email.toUpperCase(), role: 'viewer' }, p.owner.caller)),
      ).toMatchObject({
        code: 'ALREADY_MEMBER',
        fields: [{ path: 'email' }],
      });
    });

    it('refuses an invalid address and the owner role, and lets only admins and owners invite', async () => {
      const error = await failure(h.invitations.create(p.id, { email: 'not-an-address', role: 'owner' }, p.owner.caller));
      expect(error).toMatchObject({ code: 'VALIDATION_FAILED' });
      expect(error.fields.map((field) => field.path).sort()).toEqual(['email', 'role']);
      expect(await failure(h.invitations.create(p.id, { email: newAddress(), role: 'member' }, p.member.caller))).toMatchObject({
        code: 'FORBIDDEN',
      });
      expect(await failure(h.invitations.create(p.id, { email: newAddress(), role: 'member' }, p.outsider.caller))).toMatchObject({
        code: 'PROJECT_NOT_FOUND',
      });
    });
  });

  describe('list and revoke', () => {
    it('lists open invitations newest first; revoked, accepted and expired ones are not open', async () => {
      const project = await h.project();
      const open = await invite(newAddress(), 'member', project);
      const revoked = await invite(newAddress(), 'member', project);
      const expired = await invite(newAddress(), 'member', project);
      const accepted = await invite(newAddress(), 'member', project);
      await h.invitations.revoke(project.id, revoked.invitation.id, project.owner.caller);
      await expire(expired.invitation.id);
      const joiner = await h.person();
      await h.consumer.handle(h.event('user.profile.updated.v1', profile(joiner.userId, accepted.invitation.email)));
      await h.invitations.accept(accepted.token, joiner.caller);
      const newest = await invite(newAddress(), 'viewer', project);

      expect((await h.invitations.listOpen(project.id, project.admin.caller)).map((i) => i.id)).toEqual([
        newest.invitation.id,
        open.invitation.id,
      ]);
      expect(await failure(h.invitations.listOpen(project.id, project.member.caller))).toMatchObject({ code: 'FORBIDDEN' });
    });

    it('revokes once; a second revocation or a stranger’s id is INVITATION_NOT_FOUND', async () => {
      const { invitation, token } = await invite(newAddress());
      await h.invitations.revoke(p.id, invitation.id, p.admin.caller);

      expect(await failure(h.invitations.revoke(p.id, invitation.id, p.admin.caller))).toMatchObject({ code: 'INVITATION_NOT_FOUND' });
      expect(await failure(h.invitations.revoke(p.id, 'nope', p.admin.caller))).toMatchObject({ code: 'INVITATION_NOT_FOUND' });
      expect(await h.activityOf(p.id)).toContainEqual(expect.objectContaining({ action: 'invitation.revoked', subject: invitation.email }));
      const invitee = await h.person();
      await h.consumer.handle(h.event('user.profile.updated.v1', profile(invitee.userId, invitation.email)));
      expect(await failure(h.invitations.accept(token, invitee.caller))).toMatchObject({ code: 'INVITATION_NOT_FOUND' });
    });
  });

  describe('accept', () => {
    it('works for someone who signs up after being invited, once, and they are a member at once', async () => {
      const address = newAddress();
      const { invitation, token } = await invite(address, 'member');
      const userId = randomUUID();
      await h.consumer.handle(h.event('auth.user.registered.v1', { userId, email: address, displayName: 'Late Comer', locale: 'en' }));
      const caller = { userId, sessionId: randomUUID(), roles: ['customer'] };
      expect(await failure(h.projects.get(p.id, caller))).toMatchObject({ code: 'PROJECT_NOT_FOUND' });
      expect(await failure(h.tasks.list(p.id, {}, caller, 10, ''))).toMatchObject({ code: 'PROJECT_NOT_FOUND' }); // cached as outsider

      const project = await h.invitations.accept(token, caller);

      expect(project).toMatchObject({ id: p.id, key: p.key, role: 'member' });
      await expect(h.tasks.create(p.id, { title: 'First day' }, caller)).resolves.toMatchObject({ title: 'First day' });
      expect(await failure(h.invitations.accept(token, caller))).toMatchObject({ code: 'INVITATION_NOT_FOUND' });
      expect((await h.events('project.member.joined.v1')).find((e) => e.data.invitationId === invitation.id)?.data).toEqual({
        projectId: p.id,
        userId,
        role: 'member',
        invitationId: invitation.id,
      });
      expect(await h.activityOf(p.id)).toContainEqual({
        actorId: userId,
        action: 'member.joined',
        subject: userId,
        data: { role: 'member', invitationId: invitation.id },
      });
    });

    it('is INVITATION_NOT_FOUND for someone whose address is another, and the invitation stays usable', async () => {
      const address = newAddress();
      const { token } = await invite(address);
      const someoneElse = await h.person();

      expect(await failure(h.invitations.accept(token, someoneElse.caller))).toMatchObject({ code: 'INVITATION_NOT_FOUND' });

      const rightful = await h.person();
      await h.consumer.handle(h.event('user.profile.updated.v1', profile(rightful.userId, address.toUpperCase())));
      await expect(h.invitations.accept(token, rightful.caller)).resolves.toMatchObject({ id: p.id });
    });

    it('is INVITATION_NOT_FOUND for an expired invitation, an unknown token, and a deleted project', async () => {
      const project = await h.project();
      const invitee = await h.person();
      const expired = await invite(invitee.email, 'member', project);
      await expire(expired.invitation.id);

      expect(await failure(h.invitations.accept(expired.token, invitee.caller))).toMatchObject({ code: 'INVITATION_NOT_FOUND' });
      expect(await failure(h.invitations.accept('x'.repeat(43), invitee.caller))).toMatchObject({ code: 'INVITATION_NOT_FOUND' });
      const live = await invite(invitee.email, 'member', project);
      await h.projects.delete(project.id, project.owner.caller);
      expect(await failure(h.invitations.accept(live.token, invitee.caller))).toMatchObject({ code: 'INVITATION_NOT_FOUND' });
    });

    it('keeps the role of someone who became a member meanwhile, and uses the invitation up', async () => {
      const project = await h.project();
      const invitee = await h.person();
      const { token } = await invite(invitee.email, 'viewer', project);
      await h.addMember(project.id, invitee.userId, 'admin');

      await expect(h.invitations.accept(token, invitee.caller)).resolves.toMatchObject({ role: 'admin' });
      expect(await h.invitations.listOpen(project.id, project.owner.caller)).toEqual([]);
    });

    it('needs a signed-in caller and a token', async () => {
      expect(await failure(h.invitations.accept('token', undefined))).toMatchObject({ code: 'UNAUTHENTICATED' });
      expect(await failure(h.invitations.accept(' ', p.member.caller))).toMatchObject({
        code: 'VALIDATION_FAILED',
        fields: [{ path: 'token' }],
      });
    });
  });

  async function expire(invitationId: string) {
    await h.db.execute(sql`update projects.invitations set expires_at = now() - interval '1 second' where id = ${invitationId}`);
  }

  function profile(userId: string, email: string) {
    return { userId, email, displayName: 'Invitee', locale: 'en', timezone: 'UTC', avatarUrl: null };
  }
}

describe('Invitations on PGlite', () => invitationCases(() => migratedPglite('projects', migrationsFolder)));
