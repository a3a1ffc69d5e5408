import type { paths } from '@msp/api-client';

import type { GatewayClient } from '../../api/gateway-client';
import { PAGE_SIZE } from '../projects/projects-api';

type TaskPath = paths['/api/v1/projects/{projectId}/tasks/{taskId}'];
type TasksPath = paths['/api/v1/projects/{projectId}/tasks'];

export type Task = TaskPath['get']['responses'][200]['content']['application/json'];
export type TaskPage = TasksPath['get']['responses'][200]['content']['application/json'];
export type TaskStatus = Task['status'];
export type TaskPriority = Task['priority'];
export type TaskChange = Omit<TaskPath['patch']['requestBody']['content']['application/json'], 'version'>;
export type NewTask = TasksPath['post']['requestBody']['content']['application/json'];

/** In the order work moves through them; the board shows its groups in this order. */
export const TASK_STATUSES: readonly TaskStatus[] = ['backlog', 'todo', 'in_progress', 'done', 'cancelled'];
export const TASK_PRIORITIES: readonly TaskPriority[] = ['none', 'low', 'medium', 'high', 'urgent'];

export interface TaskFilters {
  status?: TaskStatus | undefined;
  assigneeId?: string | undefined;
  q?: string | undefined;
}

export function listTasks(
  client: GatewayClient,
  projectId: string,
  filters: TaskFilters,
  cursor: string | undefined,
  limit: number = PAGE_SIZE,
): Promise<TaskPage> {
  const query = { limit, cursor, status: filters.status, assigneeId: filters.assigneeId, q: filters.q || undefined };
  return client.request((api, init) => api.GET('/api/v1/projects/{projectId}/tasks', { ...init, params: { path: { projectId }, query } }));
}

export function getTask(client: GatewayClient, projectId: string, taskId: string): Promise<Task> {
  return client.request((api, init) =>
    api.GET('/api/v1/projects/{projectId}/tasks/{taskId}', { ...init, params: { path: { projectId, taskId } } }),
  );
}

/**
 * Changes a task based on the version the user saw. The version goes as If-Match (the ETag), so a
 * change someone made meanwhile is answered with 409 instead of being overwritten.
 */
export function updateTask(
  client: GatewayClient,
  projectId: string,
  task: Pick<Task, 'id' | 'version'>,
  change: TaskChange,
): Promise<Task> {
  return client.request((api, init) =>
    api.PATCH('/api/v1/projects/{projectId}/tasks/{taskId}', {
      ...init,
      headers: { ...init.headers, 'If-Match': `"${task.version}"` },
      params: { path: { projectId, taskId: task.id } },
      body: change,
    }),
  );
}

export function createTask(client: GatewayClient, projectId: string, task: NewTask, idempotencyKey: string): Promise<Task> {
  return client.request((api, init) =>
    api.POST('/api/v1/projects/{projectId}/tasks', {
      ...init,
      headers: { ...init.headers, 'Idempotency-Key': idempotencyKey },
      params: { path: { projectId } },
      body: task,
    }),
  );
}
