import { randomUUID } from 'node:crypto';
import { createLogger, MemoryCache, type Cache, type Caller, type Db } from '@msp/platform';
import { describe, expect, it } from 'vitest';
import { MembershipCache, MEMBERSHIP_TTL_SECONDS } from './membership-cache.js';
import type { MembershipRepository } from './membership.repository.js';
import { ProjectReadGenerations, projectReadCacheOf } from './project-read-generations.js';
import { ProjectAccess } from './project-access.js';
import type { ProjectRole } from './project-roles.js';

/** Roles (and archived projects) in memory, counting how often the database would have been asked. */
class FakeMemberships {
  readonly roles = new Map<string, ProjectRole>();
  readonly archived = new Set<string>();
  readonly deleted = new Set<string>();
  reads = 0;
  async roleOf(projectId: string, userId: string) {
    this.reads++;
    return this.roles.get(`${projectId}/${userId}`);
  }
  async lockLiveProject(projectId: string) {
    return this.deleted.has(projectId) ? undefined : { id: projectId, name: 'Apollo', key: 'APO', archived: this.archived.has(projectId) };
  }
  async lockLiveProjectShared(projectId: string) {
    return this.deleted.has(projectId) ? undefined : { archived: this.archived.has(projectId) };
  }
}

function setUp(cache: Cache = new MemoryCache()) {
  const memberships = new FakeMemberships();
  const access = new ProjectAccess(
    memberships as unknown as MembershipRepository,
    new MembershipCache(cache, createLogger('test', 'silent')),
    new ProjectReadGenerations(projectReadCacheOf(cache), createLogger('test', 'silent')),
  );
  const projectId = randomUUID();
  const caller: Caller = { userId: randomUUID(), sessionId: randomUUID(), roles: ['customer'] };
  const grant = (role: ProjectRole) => memberships.roles.set(`${projectId}/${caller.userId}`, role);
  return { access, memberships, cache, projectId, caller, grant };
}

const tx = {} as Db;

describe('ProjectAccess', () => {
  it.each([
    ['viewer', 'viewer', true],
    ['viewer', 'member', false],
    ['member', 'member', true],
    ['member', 'admin', false],
    ['admin', 'admin', true],
    ['admin', 'owner', false],
    ['owner', 'owner', true],
    ['owner', 'viewer', true],
  ] as const)('a %s asking for %s: allowed %s (FORBIDDEN otherwise)', async (role, least, allowed) => {
    const { access, projectId, caller, grant } = setUp();
    grant(role);
    const outcome = access.require(projectId, caller, least);
    if (allowed) await expect(outcome).resolves.toEqual({ projectId, userId: caller.userId, role });
    else await expect(outcome).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('answers PROJECT_NOT_FOUND to a non-member, whatever their platform roles', async () => {
    const { access, projectId } = setUp();
    const platformAdmin = { userId: randomUUID(), sessionId: '', roles: ['customer', 'admin'] };
    await expect(access.require(projectId, platformAdmin, 'viewer')).rejects.toMatchObject({ code: 'PROJECT_NOT_FOUND' });
  });

  it('answers UNAUTHENTICATED without a caller, and PROJECT_NOT_FOUND for a malformed id without a look-up', async () => {
    const { access, memberships, caller } = setUp();
    await expect(access.require(randomUUID(), undefined, 'viewer')).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(access.require("1' or '1'='1", caller, 'viewer')).rejects.toMatchObject({ code: 'PROJECT_NOT_FOUND' });
    expect(memberships.reads).toBe(0);
  });

  it('caches roles and non-memberships, with the short TTL', async () => {
    const { access, memberships, cache, projectId, caller, grant } = setUp();
    grant('member');
    const stranger = { ...caller, userId: randomUUID() };

    for (let i = 0; i < 3; i++) {
      await access.require(projectId, caller, 'viewer');
      await expect(access.require(projectId, stranger, 'viewer')).rejects.toMatchObject({ code: 'PROJECT_NOT_FOUND' });
    }

    expect(memberships.reads).toBe(2);
    expect(await cache.ttl(`membership:${projectId}:${caller.userId}`)).toBe(MEMBERSHIP_TTL_SECONDS);
  });

  it('reads the database again after `forget`, so the next look-up sees a change', async () => {
    const { access, projectId, caller, grant } = setUp();
    grant('viewer');
    await expect(access.require(projectId, caller, 'member')).rejects.toMatchObject({ code: 'FORBIDDEN' });

    grant('member');
    await access.forget([{ projectId, userId: caller.userId }]);

    await expect(access.require(projectId, caller, 'member')).resolves.toMatchObject({ role: 'member' });
  });

  it('decides locked checks on the database, never on the cache', async () => {
    const { access, memberships, projectId, caller, grant } = setUp();
    grant('owner');
    await access.require(projectId, caller, 'owner');
    grant('viewer');

    await expect(access.requireLocked(projectId, caller, 'admin', tx)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(memberships.reads).toBe(2);
  });

  describe('in an archived project', () => {
    it('refuses changes to its content with PROJECT_ARCHIVED, and allows them once it is unarchived', async () => {
      const { access, memberships, projectId } = setUp();
      await expect(access.requireWritable(projectId, tx)).resolves.toBeUndefined();

      memberships.archived.add(projectId);
      await expect(access.requireWritable(projectId, tx)).rejects.toMatchObject({ code: 'PROJECT_ARCHIVED' });

      memberships.archived.delete(projectId);
      await expect(access.requireWritable(projectId, tx)).resolves.toBeUndefined();
    });

    it('answers PROJECT_NOT_FOUND for a project deleted meanwhile', async () => {
      const { access, memberships, projectId } = setUp();
      memberships.deleted.add(projectId);
      await expect(access.requireWritable(projectId, tx)).rejects.toMatchObject({ code: 'PROJECT_NOT_FOUND' });
    });

    it('checks the role before the archive: only those allowed to make the change learn it is archived', async () => {
      const { access, memberships, projectId, caller, grant } = setUp();
      memberships.archived.add(projectId);
      const stranger = { ...caller, userId: randomUUID() };

      await expect(access.requireLockedWritable(projectId, stranger, 'admin', tx)).rejects.toMatchObject({ code: 'PROJECT_NOT_FOUND' });
      grant('member');
      await expect(access.requireLockedWritable(projectId, caller, 'admin', tx)).rejects.toMatchObject({ code: 'FORBIDDEN' });
      grant('admin');
      await expect(access.requireLockedWritable(projectId, caller, 'admin', tx)).rejects.toMatchObject({ code: 'PROJECT_ARCHIVED' });
      // What stays allowed (unarchiving, deleting, leaving) locks the project without this check.
      await expect(access.requireLocked(projectId, caller, 'admin', tx)).resolves.toMatchObject({ project: { archived: true } });
    });
  });

  it('falls back to the database when the cache fails', async () => {
    const broken = {
      get: async () => Promise.reject(new Error('cache down')),
      set: async () => Promise.reject(new Error('cache down')),
      delete: async () => Promise.reject(new Error('cache down')),
    } as unknown as Cache;
    const { access, projectId, caller, grant } = setUp(broken);
    grant('admin');

    await expect(access.require(projectId, caller, 'admin')).resolves.toMatchObject({ role: 'admin' });
    await expect(access.forget([{ projectId, userId: caller.userId }])).resolves.toBeUndefined();
  });
});
