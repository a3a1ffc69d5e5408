import type { projectV1 } from '@msp/contracts';
import type { ActivityEntry } from '../activity/activity.repository.js';
import type { ProjectOverview } from '../admin-projects/admin-projects.service.js';
import type { CommentRow } from '../comments/comments.repository.js';
import type { InvitationView } from '../invitations/invitations.repository.js';
import type { MemberView } from '../members/members.repository.js';
import type { ProjectWithRole } from '../projects/projects.repository.js';
import type { TaskRow } from '../tasks/tasks.repository.js';

// Domain rows → wire messages, field by field: nothing reaches the wire by accident.

export function projectMessage(project: ProjectWithRole): projectV1.Project {
  const { id, name, key, description, plan, role, archived, createdAt } = project;
  return { id, name, key, description, plan, role, archived, createdAt };
}

/** Admin view of a project; a deleted account's owner entry has no name or address left (empty). */
export function projectOverviewMessage(project: ProjectOverview): projectV1.ProjectOverview {
  const { id, name, key, description, plan, archived, createdAt, membersCount, tasksCount, owner } = project;
  return {
    id,
    name,
    key,
    description,
    plan,
    archived,
    createdAt,
    ownerId: owner?.userId ?? '',
    ownerDisplayName: owner?.displayName ?? '',
    ownerEmail: owner?.email ?? '',
    membersCount,
    tasksCount,
  };
}

export function memberMessage(member: MemberView): projectV1.Member {
  const { userId, displayName, email, role, joinedAt } = member;
  return { userId, displayName, email, role, joinedAt };
}

export function invitationMessage(invitation: InvitationView): projectV1.Invitation {
  const { id, email, role, expiresAt, createdAt } = invitation;
  return { id, email, role, expiresAt, createdAt };
}

export function taskMessage(task: TaskRow): projectV1.Task {
  return {
    id: task.id,
    projectId: task.projectId,
    number: task.number,
    key: task.key,
    title: task.title,
    description: task.description,
    status: task.status,
    priority: task.priority,
    assigneeId: task.assigneeId ?? '',
    dueDate: task.dueDate ?? '',
    labels: task.labels,
    version: task.version,
    createdAt: task.createdAt,
    updatedAt: task.updatedAt,
  };
}

export function commentMessage(comment: CommentRow): projectV1.Comment {
  const { id, taskId, authorId, body, createdAt } = comment;
  return { id, taskId, authorId, body, createdAt };
}

export function activityMessage(entry: ActivityEntry): projectV1.ActivityEntry {
  const { id, actorId, action, subject, data, createdAt } = entry;
  return { id, actorId, action, subject, dataJson: JSON.stringify(data), createdAt };
}

/** An update's `labels`: unset leaves them, a (possibly empty) set replaces them. */
export function labelsChange(labels: projectV1.Labels | undefined): string[] | undefined {
  return labels?.values;
}
