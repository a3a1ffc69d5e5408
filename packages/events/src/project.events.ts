import { z } from 'zod';

const id = z.uuid();
const projectRole = z.enum(['owner', 'admin', 'member', 'viewer']);
const taskStatus = z.enum(['backlog', 'todo', 'in_progress', 'done', 'cancelled']);
/** A task's human key, e.g. `WEB-42`. */
const taskKey = z.string().regex(/^[A-Z][A-Z0-9]{1,9}-\d+$/);
const instant = z.iso.datetime({ offset: true });

export const projectEvents = {
  /** A project was created; its creator is its first owner. */
  'project.created.v1': z.object({
    projectId: z.uuid(),
    key: z.string(),
    name: z.string(),
    ownerId: z.uuid(),
  }),
  /** Name, description or archived flag changed; carries the project as it now is. */
  'project.updated.v1': z.object({
    projectId: id,
    key: z.string(),
    name: z.string(),
    description: z.string(),
    archived: z.boolean(),
    changed: z.array(z.enum(['name', 'description', 'archived'])),
    updatedBy: id,
  }),
  /** Soft-deleted: by an owner, or because its last owner deleted their account with nobody to take over. */
  'project.deleted.v1': z.object({ projectId: id, key: z.string(), deletedBy: id }),
  /**
   * Someone was invited by email. Carries the raw single-use token because only the email can deliver
   * it; the project DB keeps just its hash.
   */
  'project.member.invited.v1': z.object({
    invitationId: id,
    projectId: id,
    projectName: z.string(),
    projectKey: z.string(),
    email: z.email(),
    role: projectRole.exclude(['owner']),
    invitedBy: id,
    /** The inviter's display name as the project service knows it; empty when unknown. */
    inviterName: z.string(),
    token: z.string().min(20),
    expiresAt: instant,
  }),
  /** An invitation was accepted: the user is now a member. */
  'project.member.joined.v1': z.object({ projectId: id, userId: id, role: projectRole, invitationId: id }),
  'project.member.role_changed.v1': z.object({
    projectId: id,
    userId: id,
    role: projectRole,
    previousRole: projectRole,
    /** Who changed it; for an ownership transfer after an account deletion, the deleted user. */
    changedBy: id,
  }),
  'project.member.removed.v1': z.object({
    projectId: id,
    userId: id,
    removedBy: id,
    reason: z.enum(['removed', 'left', 'account_deleted']),
  }),
  'task.created.v1': z.object({
    taskId: id,
    projectId: id,
    taskKey,
    title: z.string(),
    status: taskStatus,
    assigneeId: id.nullable(),
    createdBy: id,
  }),
  /** A task got a (new) assignee, at creation or later: the "assigned to you" notification. */
  'task.assigned.v1': z.object({
    taskId: id,
    projectId: id,
    projectName: z.string(),
    taskKey,
    title: z.string(),
    assigneeId: id,
    assignedBy: id,
    /** The assigner's display name as the project service knows it; empty when unknown. */
    assignerName: z.string(),
  }),
  'task.status_changed.v1': z.object({
    taskId: id,
    projectId: id,
    taskKey,
    title: z.string(),
    from: taskStatus,
    to: taskStatus,
    changedBy: id,
  }),
  /** Any change of a task's fields (status and assignee changes also have their own events). */
  'task.updated.v1': z.object({
    taskId: id,
    projectId: id,
    taskKey,
    version: z.number().int().positive(),
    changed: z.array(z.string()),
    updatedBy: id,
  }),
  'task.deleted.v1': z.object({ taskId: id, projectId: id, taskKey, deletedBy: id }),
  'task.commented.v1': z.object({
    commentId: id,
    taskId: id,
    projectId: id,
    taskKey,
    title: z.string(),
    authorId: id,
    /** Whom a notification could go to besides the author; null when the task is unassigned. */
    assigneeId: id.nullable(),
  }),
} as const;
