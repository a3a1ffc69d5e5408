import type { projectV1 } from '@msp/contracts';
import { z } from 'zod';
import { emptyToNull, isoOf, knownValueOf, pageOf, pageQuery, timestamp } from '../http/common.dto.js';

export const TASK_STATUSES = ['backlog', 'todo', 'in_progress', 'done', 'cancelled'] as const;
export const TASK_PRIORITIES = ['none', 'low', 'medium', 'high', 'urgent'] as const;

export const taskParams = z.strictObject({ projectId: z.uuid(), taskId: z.uuid() });
export type TaskParams = z.output<typeof taskParams>;

export const listTasksQuery = pageQuery.extend({
  status: z.enum(TASK_STATUSES).optional(),
  assigneeId: z.uuid().optional(),
  q: z.string().trim().max(200).optional().describe('Words to find in titles and descriptions'),
});
export type ListTasksQuery = z.output<typeof listTasksQuery>;

const title = z.string().trim().min(1).max(200);
const description = z.string().max(20_000).describe('Markdown');
const assigneeId = z.uuid().nullable().describe('A member of the project; null for nobody');
const dueDate = z.iso.date().nullable().describe('YYYY-MM-DD; null for none');
// The project service's limits: documenting more would promise labels it refuses.
const labels = z.array(z.string().trim().min(1).max(40)).max(20);

export const createTaskBody = z.strictObject({
  title,
  description: description.optional(),
  status: z.enum(TASK_STATUSES).optional().describe("The project service's default when left out (todo)"),
  priority: z.enum(TASK_PRIORITIES).optional().describe("The project service's default when left out (none)"),
  assigneeId: assigneeId.optional(),
  dueDate: dueDate.optional(),
  labels: labels.optional(),
});
export type CreateTaskBody = z.output<typeof createTaskBody>;

export const updateTaskBody = z.strictObject({
  title: title.optional(),
  description: description.optional(),
  status: z.enum(TASK_STATUSES).optional(),
  priority: z.enum(TASK_PRIORITIES).optional(),
  assigneeId: assigneeId.optional(),
  dueDate: dueDate.optional(),
  labels: labels.optional().describe('Replaces all labels; [] removes them'),
  version: z.number().int().min(0).max(2_147_483_647).optional().describe('The version the change is based on, if not sent as If-Match'),
});
export type UpdateTaskBody = z.output<typeof updateTaskBody>;
export type TaskChanges = Omit<UpdateTaskBody, 'version'>;

export const taskResponse = z.object({
  id: z.uuid(),
  number: z.number().int(),
  key: z.string().describe('Project key and number, e.g. WEB-42'),
  title: z.string(),
  description: z.string(),
  status: z.enum(TASK_STATUSES),
  priority: z.enum(TASK_PRIORITIES),
  assigneeId: z.uuid().nullable(),
  dueDate: z.iso.date().nullable(),
  labels: z.array(z.string()),
  version: z.number().int().describe('Also the ETag; send it back as If-Match to change the task'),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type TaskResponse = z.output<typeof taskResponse>;

export const taskPage = pageOf(taskResponse);
export type TaskPage = z.output<typeof taskPage>;

export function toListTasksRequest(projectId: string, query: ListTasksQuery): projectV1.ListTasksRequest {
  return {
    projectId,
    status: query.status ?? '',
    assigneeId: query.assigneeId ?? '',
    q: query.q ?? '',
    limit: query.limit,
    cursor: query.cursor ?? '',
  };
}

/** proto3 strings: "" is "the default" for status and priority, "none" for assignee and due date. */
export function toCreateTaskRequest(projectId: string, body: CreateTaskBody): projectV1.CreateTaskRequest {
  return {
    projectId,
    title: body.title,
    description: body.description ?? '',
    status: body.status ?? '',
    priority: body.priority ?? '',
    assigneeId: body.assigneeId ?? '',
    dueDate: body.dueDate ?? '',
    labels: body.labels ?? [],
  };
}

/** Unsent fields stay unset (unchanged); null becomes "" (unassign, clear), as the contract says. */
export function toUpdateTaskRequest(params: TaskParams, changes: TaskChanges, expectedVersion: number): projectV1.UpdateTaskRequest {
  return {
    projectId: params.projectId,
    taskId: params.taskId,
    expectedVersion,
    title: changes.title,
    description: changes.description,
    status: changes.status,
    priority: changes.priority,
    assigneeId: changes.assigneeId === null ? '' : changes.assigneeId,
    dueDate: changes.dueDate === null ? '' : changes.dueDate,
    labels: changes.labels === undefined ? undefined : { values: changes.labels },
  };
}

export function toTask(task: projectV1.Task | undefined): TaskResponse {
  if (!task) throw new Error('project service answered without the task');
  return {
    id: task.id,
    number: task.number,
    key: task.key,
    title: task.title,
    description: task.description,
    status: knownValueOf(TASK_STATUSES, task.status, 'task status'),
    priority: knownValueOf(TASK_PRIORITIES, task.priority, 'task priority'),
    assigneeId: emptyToNull(task.assigneeId),
    dueDate: emptyToNull(task.dueDate),
    labels: task.labels,
    version: task.version,
    createdAt: isoOf(task.createdAt, 'task.createdAt'),
    updatedAt: isoOf(task.updatedAt ?? task.createdAt, 'task.updatedAt'),
  };
}

export function toTaskPage(response: projectV1.ListTasksResponse): TaskPage {
  return { items: response.items.map(toTask), nextCursor: emptyToNull(response.nextCursor) };
}
