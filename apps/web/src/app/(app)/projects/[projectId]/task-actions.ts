'use server';

import { refresh } from 'next/cache';
import { redirect } from 'next/navigation';
import { fill } from '../../../../i18n/format';
import { getI18n } from '../../../../i18n/server';
import { TASK_PRIORITIES, TASK_STATUSES, tasksApi, type Task, type TaskPriority, type TaskStatus } from '../../../../lib/api/tasks';
import { redirectIfSignedOut, requireCaller } from '../../../../lib/caller';
import { generalMessage, problemToFormState, textField, type FormState } from '../../../../lib/form-state';
import { keyAfter } from '../../../../lib/idempotency';

// The task writes of the board, the list and the task page. Server Actions: they run only on same-origin
// POSTs, and each call is checked by the gateway against the caller's role in the project.

function isStatus(value: string): value is TaskStatus {
  return (TASK_STATUSES as readonly string[]).includes(value);
}

function isPriority(value: string): value is TaskPriority {
  return (TASK_PRIORITIES as readonly string[]).includes(value);
}

const NEW_TASK_FIELDS = ['title', 'status'] as const;
export type NewTaskField = (typeof NEW_TASK_FIELDS)[number];
export interface NewTaskState extends FormState<NewTaskField> {
  readonly idempotencyKey: string;
  readonly created: string | null;
}

export async function createTask(previous: NewTaskState, formData: FormData): Promise<NewTaskState> {
  const { m } = await getI18n();
  const projectId = textField(formData, 'projectId');
  const title = textField(formData, 'title').trim();
  const status = textField(formData, 'status');
  const values = { title, status };
  if (title === '') return { ...previous, created: null, formError: null, fieldErrors: { title: m.workspace.tasks.enterTitle }, values };

  const caller = await requireCaller();
  const key = textField(formData, 'idempotencyKey') || previous.idempotencyKey;
  const result = await tasksApi.create(caller, projectId, { title, ...(isStatus(status) && { status }) }, key);
  if (!result.ok) {
    redirectIfSignedOut(result.problem);
    return {
      idempotencyKey: keyAfter(result, key),
      created: null,
      ...problemToFormState(result.problem, NEW_TASK_FIELDS, values, m.common),
    };
  }
  refresh();
  return {
    idempotencyKey: keyAfter(result, key),
    created: fill(m.workspace.tasks.created, { key: result.data.key }),
    formError: null,
    fieldErrors: {},
    values: { status },
  };
}

export type MoveResult =
  | { readonly outcome: 'moved'; readonly task: Task }
  | { readonly outcome: 'conflict'; readonly task: Task | null }
  | { readonly outcome: 'failed'; readonly reason: string };

/**
 * Moves a card to another column. `version` is the one the board showed: if someone changed the task
 * since, the gateway answers 409 and the board gets the task as it is now.
 */
export async function moveTask(projectId: string, taskId: string, status: string, version: number): Promise<MoveResult> {
  const { m } = await getI18n();
  if (!isStatus(status)) return { outcome: 'failed', reason: m.common.unknown };
  const caller = await requireCaller();
  const result = await tasksApi.update(caller, projectId, taskId, version, { status });
  if (result.ok) return { outcome: 'moved', task: result.data };
  redirectIfSignedOut(result.problem);
  if (result.problem.status === 409) {
    const latest = await tasksApi.get(caller, projectId, taskId);
    return { outcome: 'conflict', task: latest.ok ? latest.data : null };
  }
  return { outcome: 'failed', reason: generalMessage(result.problem, m.common) };
}

const EDIT_FIELDS = ['title', 'description', 'status', 'priority', 'assigneeId', 'dueDate', 'labels'] as const;
export type EditTaskField = (typeof EDIT_FIELDS)[number];
export interface EditTaskState extends FormState<EditTaskField> {
  /** The version the next save sends in If-Match. */
  readonly version: number;
  readonly saved: boolean;
  /** Set after a 409: the task as someone else left it, shown next to the user's own unsaved values. */
  readonly latest: Task | null;
}

function parseLabels(raw: string): string[] {
  const labels = raw
    .split(',')
    .map((label) => label.trim())
    .filter((label) => label !== '');
  return [...new Set(labels)];
}

export async function updateTask(previous: EditTaskState, formData: FormData): Promise<EditTaskState> {
  const { m } = await getI18n();
  const projectId = textField(formData, 'projectId');
  const taskId = textField(formData, 'taskId');
  const version = Number(textField(formData, 'version')) || previous.version;
  const values = Object.fromEntries(EDIT_FIELDS.map((field) => [field, textField(formData, field)])) as Record<EditTaskField, string>;
  const title = values.title.trim();
  if (title === '') {
    return { ...previous, saved: false, formError: null, fieldErrors: { title: m.workspace.tasks.enterTitle }, values };
  }

  const caller = await requireCaller();
  const result = await tasksApi.update(caller, projectId, taskId, version, {
    title,
    description: values.description,
    ...(isStatus(values.status) && { status: values.status }),
    ...(isPriority(values.priority) && { priority: values.priority }),
    assigneeId: values.assigneeId === '' ? null : values.assigneeId,
    dueDate: values.dueDate === '' ? null : values.dueDate,
    labels: parseLabels(values.labels),
  });
  if (result.ok) {
    refresh();
    return { version: result.data.version, saved: true, latest: null, formError: null, fieldErrors: {}, values: {} };
  }
  redirectIfSignedOut(result.problem);
  if (result.problem.status === 409) {
    const latest = await tasksApi.get(caller, projectId, taskId);
    if (latest.ok) {
      return {
        version: latest.data.version,
        saved: false,
        latest: latest.data,
        formError: m.workspace.task.conflict,
        fieldErrors: {},
        values,
      };
    }
  }
  return { version, saved: false, latest: null, ...problemToFormState(result.problem, EDIT_FIELDS, values, m.common) };
}

export interface SimpleState {
  readonly error: string | null;
  readonly done: string | null;
}

export async function deleteTask(_previous: SimpleState, formData: FormData): Promise<SimpleState> {
  const projectId = textField(formData, 'projectId');
  const caller = await requireCaller();
  const result = await tasksApi.remove(caller, projectId, textField(formData, 'taskId'));
  if (!result.ok) {
    redirectIfSignedOut(result.problem);
    const { m } = await getI18n();
    return { error: generalMessage(result.problem, m.common), done: null };
  }
  redirect(`/projects/${projectId}`);
}

const COMMENT_FIELDS = ['body'] as const;
export interface CommentState extends FormState<(typeof COMMENT_FIELDS)[number]> {
  readonly idempotencyKey: string;
  readonly posted: boolean;
}

export async function addComment(previous: CommentState, formData: FormData): Promise<CommentState> {
  const { m } = await getI18n();
  const body = textField(formData, 'body');
  if (body.trim() === '') {
    return { ...previous, posted: false, formError: null, fieldErrors: { body: m.workspace.task.enterComment }, values: {} };
  }
  const caller = await requireCaller();
  const key = textField(formData, 'idempotencyKey') || previous.idempotencyKey;
  const result = await tasksApi.comment(caller, textField(formData, 'projectId'), textField(formData, 'taskId'), body, key);
  if (!result.ok) {
    redirectIfSignedOut(result.problem);
    return {
      idempotencyKey: keyAfter(result, key),
      posted: false,
      ...problemToFormState(result.problem, COMMENT_FIELDS, { body }, m.common),
    };
  }
  refresh();
  return { idempotencyKey: keyAfter(result, key), posted: true, formError: null, fieldErrors: {}, values: {} };
}
