import { DevInboxClient, TestGatewayClient } from '@msp/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningPlatform } from './platforms.js';
import { joinProject, newProject } from './project-helpers.js';
import { newCustomer } from './security-helpers.js';

/** What the suite needs the platform started with: sign-ups and invitations from one address. */
export const projectReadFreshnessEnv = { RATE_LIMIT_SENSITIVE_PER_MINUTE: '1000', RATE_LIMIT_LOGIN_PER_MINUTE: '1000' };

/**
 * Issue 9's fast read path must not cost freshness or authorization: the gateway answers project
 * reads from a cache, and every change answered before a read starts must show in that read. Each
 * test first reads twice (the second from the cache), then changes something, then reads once.
 */
export function projectReadFreshnessSuite(mode: string, start: () => Promise<RunningPlatform>) {
  describe(`project reads stay fresh behind the gateway's cache (${mode})`, () => {
    let platform: RunningPlatform;
    let gateway: TestGatewayClient;
    let inbox: DevInboxClient;
    let owner: Awaited<ReturnType<typeof newCustomer>>;

    const read = (token: string, projectId: string) => gateway.call('GET', `/api/v1/projects/${projectId}`, { token });
    /** Reads twice, so the last read before a change is served from the cache. */
    async function readCached(token: string, projectId: string) {
      await read(token, projectId);
      const second = await read(token, projectId);
      expect(second.status).toBe(200);
      return second.body;
    }
    async function projectWithMember(role: 'admin' | 'member' | 'viewer') {
      const member = await newCustomer(gateway, inbox, 'reader');
      const projectId = (await newProject(gateway, owner.accessToken, 'Fresh')).id as string;
      await joinProject(gateway, inbox, { ownerToken: owner.accessToken, projectId, role }, member);
      return { member, projectId };
    }

    beforeAll(async () => {
      platform = await start();
      gateway = new TestGatewayClient(platform.gatewayUrl);
      inbox = new DevInboxClient(platform.inboxUrl);
      owner = await newCustomer(gateway, inbox, 'owner');
    });

    afterAll(async () => {
      await platform?.stop();
    });

    it('shows a rename and an archive to every member on their next read', async () => {
      const { member, projectId } = await projectWithMember('member');
      expect((await readCached(member.accessToken, projectId)).name).toBe('Fresh');
      expect((await readCached(owner.accessToken, projectId)).name).toBe('Fresh');

      const renamed = await gateway.call('PATCH', `/api/v1/projects/${projectId}`, { token: owner.accessToken, body: { name: 'Renamed' } });
      expect(renamed.status).toBe(200);
      expect((await read(member.accessToken, projectId)).body.name).toBe('Renamed');
      expect((await read(owner.accessToken, projectId)).body.name).toBe('Renamed');

      await readCached(member.accessToken, projectId);
      expect(
        (await gateway.call('PATCH', `/api/v1/projects/${projectId}`, { token: owner.accessToken, body: { archived: true } })).status,
      ).toBe(200);
      expect((await read(member.accessToken, projectId)).body.archived).toBe(true);
    });

    it('shows a role change at once', async () => {
      const { member, projectId } = await projectWithMember('viewer');
      expect((await readCached(member.accessToken, projectId)).role).toBe('viewer');

      const changed = await gateway.call('PATCH', `/api/v1/projects/${projectId}/members/${member.userId}`, {
        token: owner.accessToken,
        body: { role: 'admin' },
      });
      expect(changed.status).toBe(200);
      expect((await read(member.accessToken, projectId)).body.role).toBe('admin');
    });

    it('answers 404 to a removed member on the very next read, and to everyone once the project is deleted', async () => {
      const { member, projectId } = await projectWithMember('member');
      await readCached(member.accessToken, projectId);

      expect(
        (await gateway.call('DELETE', `/api/v1/projects/${projectId}/members/${member.userId}`, { token: owner.accessToken })).status,
      ).toBe(204);
      const afterRemoval = await read(member.accessToken, projectId);
      expect(afterRemoval.status).toBe(404);
      expect(JSON.stringify(afterRemoval.body)).not.toContain('Fresh');

      await readCached(owner.accessToken, projectId);
      expect((await gateway.call('DELETE', `/api/v1/projects/${projectId}`, { token: owner.accessToken })).status).toBe(204);
      expect((await read(owner.accessToken, projectId)).status).toBe(404);
    });

    it('refuses the token of a signed-out session on the very next read', async () => {
      const { member, projectId } = await projectWithMember('member');
      await readCached(member.accessToken, projectId);

      expect((await gateway.call('POST', '/api/v1/auth/logout', { body: { refreshToken: member.refreshToken } })).status).toBe(204);
      const afterLogout = await read(member.accessToken, projectId);
      expect(afterLogout.status).toBe(401);
      expect(afterLogout.body.code).toBe('SESSION_REVOKED');
    });

    it('counts every cached read once against the rate-limit budget', async () => {
      const projectId = (await newProject(gateway, owner.accessToken, 'Fresh')).id as string;
      await readCached(owner.accessToken, projectId);
      const [first, second] = [await read(owner.accessToken, projectId), await read(owner.accessToken, projectId)];
      expect([first.status, second.status]).toEqual([200, 200]);
      const header = (answer: typeof first, name: string) => Number(answer.headers.get(name));
      // Unless a new window began in between (its reset is then further away than the first's).
      if (header(second, 'ratelimit-reset') <= header(first, 'ratelimit-reset')) {
        expect(header(second, 'ratelimit-remaining')).toBe(header(first, 'ratelimit-remaining') - 1);
      }
    });

    it('never shows a project to someone who is not a member, cached or not', async () => {
      const { projectId } = await projectWithMember('member');
      const outsider = await newCustomer(gateway, inbox, 'outsider');
      await readCached(owner.accessToken, projectId);
      expect((await read(outsider.accessToken, projectId)).status).toBe(404);
      expect((await read(outsider.accessToken, projectId)).status).toBe(404);
    });
  });
}
