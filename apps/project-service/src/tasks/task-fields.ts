import { z } from 'zod';
import { isUuid } from '../common/validation.js';

export const TASK_STATUSES = ['backlog', 'todo', 'in_progress', 'done', 'cancelled'] as const;
export const TASK_PRIORITIES = ['none', 'low', 'medium', 'high', 'urgent'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
export type TaskPriority = (typeof TASK_PRIORITIES)[number];

const MAX_LABELS = 20;

/**
 * A real calendar day: the pattern alone would take 2025-02-30. PostgreSQL has no year 0 (1 BC comes
 * right before AD 1), which JavaScript dates accept, so years start at 0001.
 */
function isCalendarDate(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return !value.startsWith('0000') && !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** Labels are trimmed and deduplicated ignoring case (the first spelling wins) before they are counted. */
function dedupe(labels: string[]): string[] {
  const seen = new Set<string>();
  return labels.filter((label) => {
    const folded = label.toLowerCase();
    if (seen.has(folded)) return false;
    seen.add(folded);
    return true;
  });
}

export const taskFields = {
  title: z.string().trim().min(1).max(200),
  description: z.string().max(20_000),
  status: z.enum(TASK_STATUSES),
  priority: z.enum(TASK_PRIORITIES),
  // On the wire an empty string means "nobody" / "no date" (proto3 has no null for strings).
  assigneeId: z
    .string()
    .refine((value) => value === '' || isUuid(value), 'must be a user id')
    .transform((value) => value || null),
  dueDate: z
    .string()
    .refine((value) => value === '' || (/^\d{4}-\d{2}-\d{2}$/.test(value) && isCalendarDate(value)), 'must be a date as YYYY-MM-DD')
    .transform((value) => value || null),
  labels: z
    .array(z.string().trim().min(1).max(40))
    .transform(dedupe)
    .pipe(z.array(z.string()).max(MAX_LABELS, `at most ${MAX_LABELS} labels`)),
};

/** A new task: on the wire every field is present, empty meaning "the default". */
export const newTaskSchema = z.object({
  title: taskFields.title,
  description: taskFields.description.default(''),
  status: z.preprocess((value) => value || undefined, taskFields.status.default('todo')),
  priority: z.preprocess((value) => value || undefined, taskFields.priority.default('none')),
  assigneeId: taskFields.assigneeId.default(null),
  dueDate: taskFields.dueDate.default(null),
  labels: taskFields.labels.default([]),
});

/** A change: only the fields present change. */
export const taskChangesSchema = z.object({
  title: taskFields.title.optional(),
  description: taskFields.description.optional(),
  status: taskFields.status.optional(),
  priority: taskFields.priority.optional(),
  assigneeId: taskFields.assigneeId.optional(),
  dueDate: taskFields.dueDate.optional(),
  labels: taskFields.labels.optional(),
});

export const taskFilterSchema = z.object({
  status: z.preprocess((value) => value || undefined, taskFields.status.optional()),
  assigneeId: z.preprocess((value) => value || undefined, z.string().refine(isUuid, 'must be a user id').optional()),
  q: z.string().trim().max(200).default(''),
});

/** Inputs as they come off the wire: the schemas above decide what is valid. */
export interface TaskChangesInput {
  title?: string | undefined;
  description?: string | undefined;
  status?: string | undefined;
  priority?: string | undefined;
  assigneeId?: string | undefined;
  dueDate?: string | undefined;
  labels?: string[] | undefined;
}
export interface NewTaskInput extends TaskChangesInput {
  title: string;
}
export interface TaskFilterInput {
  status?: string | undefined;
  assigneeId?: string | undefined;
  q?: string | undefined;
}

export type TaskChanges = z.output<typeof taskChangesSchema>;
