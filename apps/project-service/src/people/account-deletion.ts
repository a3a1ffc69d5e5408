import type { Db, EventRecorder } from '@msp/platform';
import { Injectable } from '@nestjs/common';
import type { MembershipKey } from '../access/membership-cache.js';
import { MembershipRepository } from '../access/membership.repository.js';
import { ActivityRepository } from '../activity/activity.repository.js';
import { MembersRepository } from '../members/members.repository.js';
import { ProjectsRepository } from '../projects/projects.repository.js';
import { TasksRepository } from '../tasks/tasks.repository.js';

/**
 * What a deleted account leaves behind in projects (decisions/0005-account-deletion.md):
 *
 * - Every membership is removed, and the user's tasks in each project become unassigned (an assignee
 *   is always a member).
 * - A project the user was the only owner of passes to its longest-standing admin (earliest joined,
 *   ties by user id), else to its longest-standing member; viewers never inherit a project. With
 *   nobody to take it over, the project is deleted (soft, like an owner's deletion).
 * - Projects with other owners just lose this owner.
 * - Comments and tasks the user wrote stay, under their (now unknown) user id: they are the team's
 *   record, and no longer name the person once the profile is gone.
 *
 * Runs in the transaction of the consumed `auth.user.deleted.v1` event; the changes are logged in each
 * project's activity as done by the deleted user, and announced with the usual events.
 */
@Injectable()
export class AccountDeletion {
  constructor(
    private readonly memberships: MembershipRepository,
    private readonly members: MembersRepository,
    private readonly projects: ProjectsRepository,
    private readonly tasks: TasksRepository,
    private readonly activity: ActivityRepository,
  ) {}

  /** Applies the rule; returns the memberships whose cached roles changed, to forget after the commit. */
  async removeMemberships(userId: string, tx: Db, events: EventRecorder): Promise<MembershipKey[]> {
    const changed: MembershipKey[] = [];
    // Project id order, the same in every deletion: two of them never wait on each other's locks.
    for (const { projectId, role } of await this.members.listForUser(userId, tx)) {
      const project = await this.memberships.lockLiveProject(projectId, tx);
      if (!project) continue;
      if (role === 'owner' && (await this.members.countOwners(projectId, tx)) === 1) {
        const successor =
          (await this.members.longestStanding(projectId, 'admin', userId, tx)) ??
          (await this.members.longestStanding(projectId, 'member', userId, tx));
        if (successor) {
          const previousRole = (await this.memberships.roleOf(projectId, successor, tx))!;
          await this.members.setRole(projectId, successor, 'owner', tx);
          await this.activity.add(
            [
              {
                projectId,
                actorId: userId,
                action: 'member.role_changed',
                subject: successor,
                data: { from: previousRole, to: 'owner', reason: 'account_deleted' },
              },
            ],
            tx,
          );
          await events.add({
            type: 'project.member.role_changed.v1',
            subject: projectId,
            data: { projectId, userId: successor, role: 'owner', previousRole, changedBy: userId },
          });
          changed.push({ projectId, userId: successor });
        } else {
          const everyone = await this.members.userIds(projectId, tx);
          await this.projects.softDelete(projectId, tx);
          await this.activity.add(
            [{ projectId, actorId: userId, action: 'project.deleted', subject: project.key, data: { reason: 'account_deleted' } }],
            tx,
          );
          await events.add({ type: 'project.deleted.v1', subject: projectId, data: { projectId, key: project.key, deletedBy: userId } });
          changed.push(...everyone.map((member) => ({ projectId, userId: member })));
        }
      }
      await this.members.remove(projectId, userId, tx);
      const unassigned = await this.tasks.unassignUser(projectId, userId, tx);
      await this.activity.add(
        [
          {
            projectId,
            actorId: userId,
            action: 'member.removed',
            subject: userId,
            data: { role, unassignedTasks: unassigned, reason: 'account_deleted' },
          },
        ],
        tx,
      );
      await events.add({
        type: 'project.member.removed.v1',
        subject: projectId,
        data: { projectId, userId, removedBy: userId, reason: 'account_deleted' },
      });
      changed.push({ projectId, userId });
    }
    return changed;
  }
}
