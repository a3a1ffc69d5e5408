import { UnitOfWork, type Caller } from '@msp/platform';
import { Injectable } from '@nestjs/common';
import { AccessError } from '../access/access.errors.js';
import { ProjectAccess } from '../access/project-access.js';
import { isProjectRole, type ProjectRole } from '../access/project-roles.js';
import { ActivityRepository } from '../activity/activity.repository.js';
import { isUuid } from '../common/validation.js';
import { TasksRepository } from '../tasks/tasks.repository.js';
import { MemberError } from './members.errors.js';
import { MembersRepository, type MemberView } from './members.repository.js';

@Injectable()
export class MembersService {
  constructor(
    private readonly access: ProjectAccess,
    private readonly members: MembersRepository,
    private readonly tasks: TasksRepository,
    private readonly activity: ActivityRepository,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async list(projectId: string, caller: Caller | undefined): Promise<MemberView[]> {
    await this.access.require(projectId, caller, 'viewer');
    return this.members.list(projectId);
  }

  /** Admins change roles; only owners make or unmake owners; the last owner stays an owner. */
  async changeRole(projectId: string, userId: string, role: string, caller: Caller | undefined): Promise<MemberView> {
    await this.access.require(projectId, caller, 'admin');
    if (!isProjectRole(role)) {
      throw new MemberError('VALIDATION_FAILED', 'The role is invalid.', [
        { path: 'role', message: 'must be owner, admin, member or viewer' },
      ]);
    }
    const member = await this.unitOfWork.run(async (tx, events) => {
      const me = await this.access.requireLockedWritable(projectId, caller, 'admin', tx);
      const target = isUuid(userId) ? await this.members.find(projectId, userId, tx) : undefined;
      if (!target) throw memberNotFound();
      if ((role === 'owner' || target.role === 'owner') && me.role !== 'owner') {
        throw new AccessError('FORBIDDEN', 'Only owners can make or unmake owners.');
      }
      if (target.role === role) return target;
      if (target.role === 'owner' && (await this.members.countOwners(projectId, tx)) === 1) throw lastOwner();
      await this.members.setRole(projectId, userId, role, tx);
      await this.activity.add(
        [{ projectId, actorId: me.userId, action: 'member.role_changed', subject: userId, data: { from: target.role, to: role } }],
        tx,
      );
      await events.add({
        type: 'project.member.role_changed.v1',
        subject: projectId,
        data: { projectId, userId, role, previousRole: target.role, changedBy: me.userId },
      });
      return { ...target, role };
    });
    await this.access.forget([{ projectId, userId }]);
    return member;
  }

  /**
   * Admins remove others (owners only by owners); anyone may leave; the last owner can do neither.
   * Archived projects too: taking access away is what one still does to a project kept for reading.
   */
  async remove(projectId: string, userId: string, caller: Caller | undefined): Promise<void> {
    const leaving = caller !== undefined && caller.userId === userId;
    const least: ProjectRole = leaving ? 'viewer' : 'admin';
    await this.access.require(projectId, caller, least);
    await this.unitOfWork.run(async (tx, events) => {
      const me = await this.access.requireLocked(projectId, caller, least, tx);
      const target = isUuid(userId) ? await this.members.find(projectId, userId, tx) : undefined;
      if (!target) throw memberNotFound();
      if (!leaving && target.role === 'owner' && me.role !== 'owner') throw new AccessError('FORBIDDEN', 'Only owners can remove owners.');
      if (target.role === 'owner' && (await this.members.countOwners(projectId, tx)) === 1) throw lastOwner();
      await this.members.remove(projectId, userId, tx);
      // An assignee is always a member: the tasks of someone who goes become unassigned.
      const unassigned = await this.tasks.unassignUser(projectId, userId, tx);
      await this.activity.add(
        [
          {
            projectId,
            actorId: me.userId,
            action: leaving ? 'member.left' : 'member.removed',
            subject: userId,
            data: { role: target.role, unassignedTasks: unassigned },
          },
        ],
        tx,
      );
      await events.add({
        type: 'project.member.removed.v1',
        subject: projectId,
        data: { projectId, userId, removedBy: me.userId, reason: leaving ? 'left' : 'removed' },
      });
    });
    await this.access.forget([{ projectId, userId }]);
  }
}

function memberNotFound(): MemberError {
  return new MemberError('MEMBER_NOT_FOUND', 'No such member in this project.');
}

function lastOwner(): MemberError {
  return new MemberError('LAST_OWNER', 'A project needs an owner: make someone else an owner first.');
}
