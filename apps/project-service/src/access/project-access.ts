import type { Caller, Db } from '@msp/platform';
import { Injectable } from '@nestjs/common';
import { isUuid } from '../common/validation.js';
import { AccessError } from './access.errors.js';
import { MembershipCache, type MembershipKey } from './membership-cache.js';
import { MembershipRepository, type LockedProject } from './membership.repository.js';
import { ProjectReadGenerations } from './project-read-generations.js';
import { hasAtLeast, type ProjectRole } from './project-roles.js';

export interface Membership {
  projectId: string;
  userId: string;
  role: ProjectRole;
}

export interface LockedMembership extends Membership {
  project: LockedProject;
}

/**
 * The one place that decides who may do what in a project. Services call it with the caller they
 * were given; nothing else is trusted.
 *
 * An archived project is read-only: its tasks, comments and members' roles do not change and nobody
 * joins it, until an admin unarchives it. What stays possible is what ends or takes away access:
 * unarchiving, deleting the project, leaving it, removing a member, revoking an invitation.
 */
@Injectable()
export class ProjectAccess {
  constructor(
    private readonly memberships: MembershipRepository,
    private readonly cache: MembershipCache,
    private readonly reads: ProjectReadGenerations,
  ) {}

  signedIn(caller: Caller | undefined): Caller {
    if (!caller) throw new AccessError('UNAUTHENTICATED', 'Sign in first.');
    return caller;
  }

  /** The caller's membership if their role is at least `least` (through the cache). */
  async require(projectId: string, caller: Caller | undefined, least: ProjectRole): Promise<Membership> {
    const { userId } = this.signedIn(caller);
    if (!isUuid(projectId)) throw notFound();
    const key = { projectId, userId };
    let role = await this.cache.get(key);
    if (role === undefined) {
      role = (await this.memberships.roleOf(projectId, userId)) ?? null;
      await this.cache.set(key, role ?? undefined);
    }
    return checked(key, role, least);
  }

  /**
   * Like `require`, but inside the transaction of a change: locks the project, then reads the role
   * from the database, so rules about roles are decided on what is committed, never on a cache entry.
   */
  async requireLocked(projectId: string, caller: Caller | undefined, least: ProjectRole, tx: Db): Promise<LockedMembership> {
    const { userId } = this.signedIn(caller);
    if (!isUuid(projectId)) throw notFound();
    const project = await this.memberships.lockLiveProject(projectId, tx);
    if (!project) throw notFound();
    const role = await this.memberships.roleOf(projectId, userId, tx);
    return { ...checked({ projectId, userId }, role ?? null, least), project };
  }

  /** `requireLocked` for a change an archived project refuses (inviting, changing roles). */
  async requireLockedWritable(projectId: string, caller: Caller | undefined, least: ProjectRole, tx: Db): Promise<LockedMembership> {
    const membership = await this.requireLocked(projectId, caller, least, tx);
    this.requireUnarchived(membership.project);
    return membership;
  }

  /**
   * Inside the transaction of a change to the project's content (tasks, comments), after the caller's
   * role was checked: refuses the change when the project is archived, and keeps the project from being
   * archived or deleted until the change has committed.
   */
  async requireWritable(projectId: string, tx: Db): Promise<void> {
    const project = await this.memberships.lockLiveProjectShared(projectId, tx);
    if (!project) throw notFound();
    this.requireUnarchived(project);
  }

  /** For a project locked by the caller's transaction: refuses a change while it is archived. */
  requireUnarchived(project: { archived: boolean }): void {
    if (project.archived) throw new AccessError('PROJECT_ARCHIVED', 'This project is archived and read-only; an admin can unarchive it.');
  }

  /** Locks a live project for a change that is not the caller's to authorize (accepting an invitation). */
  lockProject(projectId: string, tx: Db): Promise<LockedProject | undefined> {
    return this.memberships.lockLiveProject(projectId, tx);
  }

  /**
   * After a membership change committed: the next look-up of these memberships reads the database,
   * and the next read of these projects on any gateway shows the new role (or 404).
   */
  async forget(keys: MembershipKey[]): Promise<void> {
    await Promise.all([this.cache.invalidate(keys), this.reads.changed(keys.map((key) => key.projectId))]);
  }

  /** After a change to a project's own fields committed: the next read on any gateway shows it. */
  projectChanged(projectId: string): Promise<void> {
    return this.reads.changed([projectId]);
  }
}

function checked(key: MembershipKey, role: ProjectRole | null, least: ProjectRole): Membership {
  if (role === null) throw notFound();
  if (!hasAtLeast(role, least)) throw new AccessError('FORBIDDEN', `This needs the ${least} role or higher in the project.`);
  return { ...key, role };
}

/** The same answer for a project that does not exist and one the caller may not see. */
function notFound(): AccessError {
  return new AccessError('PROJECT_NOT_FOUND', 'No such project.');
}
