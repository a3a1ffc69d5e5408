import type { NewActivity } from '../activity/activity.repository.js';
import type { TaskChanges } from './task-fields.js';
import type { TaskRow, TaskValues } from './tasks.repository.js';

/** The fields of `changes` whose values differ from the task's: only these are written. */
export function differingValues(task: TaskRow, changes: TaskChanges): Partial<TaskValues> {
  const differing: Partial<TaskValues> = {};
  const set = <K extends keyof TaskValues>(field: K, value: TaskValues[K] | undefined) => {
    if (value !== undefined && !sameValue(task[field], value)) differing[field] = value;
  };
  set('title', changes.title);
  set('description', changes.description);
  set('status', changes.status);
  set('priority', changes.priority);
  set('assigneeId', changes.assigneeId);
  set('dueDate', changes.dueDate);
  set('labels', changes.labels);
  return differing;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((value, index) => value === b[index]);
  return a === b;
}

/**
 * The activity entries of one update: status and assignee changes are entries of their own (they are
 * what people look for in a log), every other field is listed in one `task.updated` entry. The
 * description is named but not copied: it can be 20,000 characters.
 */
export function updateActivity(before: TaskRow, changed: Partial<TaskValues>, actorId: string): Omit<NewActivity, 'projectId'>[] {
  const subject = before.key;
  const entries: Omit<NewActivity, 'projectId'>[] = [];
  if (changed.status !== undefined) {
    entries.push({ actorId, action: 'task.status_changed', subject, data: { from: before.status, to: changed.status } });
  }
  if (changed.assigneeId !== undefined) {
    const action = changed.assigneeId === null ? 'task.unassigned' : 'task.assigned';
    entries.push({ actorId, action, subject, data: { from: before.assigneeId, to: changed.assigneeId } });
  }
  const others = (['title', 'description', 'priority', 'dueDate', 'labels'] as const).filter((field) => changed[field] !== undefined);
  if (others.length > 0) {
    const from: Record<string, unknown> = {};
    const to: Record<string, unknown> = {};
    for (const field of others) {
      if (field === 'description') continue;
      from[field] = before[field];
      to[field] = changed[field];
    }
    entries.push({ actorId, action: 'task.updated', subject, data: { changed: others, from, to } });
  }
  return entries;
}
