import 'server-only';
import { api, as, settle, type Caller, type GatewayResult } from '../gateway-core';
import type { Answer, Body, ItemOf, Query } from './types';

export type Task = Answer<'/api/v1/projects/{projectId}/tasks/{taskId}', 'get'>;
export type TaskStatus = Task['status'];
export type TaskPriority = Task['priority'];
export type TaskPage = Answer<'/api/v1/projects/{projectId}/tasks', 'get'>;
export type TaskQuery = Query<'/api/v1/projects/{projectId}/tasks', 'get'>;
export type CreateTaskInput = Body<'/api/v1/projects/{projectId}/tasks', 'post'>;
export type UpdateTaskInput = Body<'/api/v1/projects/{projectId}/tasks/{taskId}', 'patch'>;
export type Comment = ItemOf<Answer<'/api/v1/projects/{projectId}/tasks/{taskId}/comments', 'get'>>;

export { TASK_PRIORITIES, TASK_STATUSES } from './task-statuses';

const task = (projectId: string, taskId: string) => ({ path: { projectId, taskId } });

export const tasksApi = {
  list: (caller: Caller, projectId: string, query: TaskQuery): Promise<GatewayResult<TaskPage>> =>
    settle(api.GET('/api/v1/projects/{projectId}/tasks', { params: { path: { projectId }, query }, ...as(caller) }), 'json'),

  create: (caller: Caller, projectId: string, body: CreateTaskInput, idempotencyKey: string): Promise<GatewayResult<Task>> =>
    settle(
      api.POST('/api/v1/projects/{projectId}/tasks', { params: { path: { projectId } }, body, ...as(caller, { idempotencyKey }) }),
      'json',
    ),

  get: (caller: Caller, projectId: string, taskId: string): Promise<GatewayResult<Task>> =>
    settle(api.GET('/api/v1/projects/{projectId}/tasks/{taskId}', { params: task(projectId, taskId), ...as(caller) }), 'json'),

  /** `version` is the one the user saw: the gateway answers 409 when the task has changed since. */
  update: (caller: Caller, projectId: string, taskId: string, version: number, body: UpdateTaskInput): Promise<GatewayResult<Task>> =>
    settle(
      api.PATCH('/api/v1/projects/{projectId}/tasks/{taskId}', {
        params: task(projectId, taskId),
        body,
        ...as(caller, { ifMatch: version }),
      }),
      'json',
    ),

  remove: (caller: Caller, projectId: string, taskId: string): Promise<GatewayResult<void>> =>
    settle(api.DELETE('/api/v1/projects/{projectId}/tasks/{taskId}', { params: task(projectId, taskId), ...as(caller) }), 'empty'),

  comments: (caller: Caller, projectId: string, taskId: string, query: { limit?: number; cursor?: string }) =>
    settle(
      api.GET('/api/v1/projects/{projectId}/tasks/{taskId}/comments', { params: { ...task(projectId, taskId), query }, ...as(caller) }),
      'json',
    ),

  comment: (caller: Caller, projectId: string, taskId: string, body: string, idempotencyKey: string): Promise<GatewayResult<Comment>> =>
    settle(
      api.POST('/api/v1/projects/{projectId}/tasks/{taskId}/comments', {
        params: task(projectId, taskId),
        body: { body },
        ...as(caller, { idempotencyKey }),
      }),
      'json',
    ),
} as const;
