import { Controller, Inject, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { PROJECT_CLIENT, type ProjectClient } from '../grpc/grpc-clients.module.js';
import { Endpoint } from '../http/endpoint.decorator.js';
import { ValidBody, ValidHeaders, ValidParams, ValidQuery } from '../http/valid-input.decorator.js';
import {
  ARCHIVED,
  CHANGE_PROJECT_CONTENT_ERRORS,
  CHANGE_TASK_ERRORS,
  READ_PROJECT_ERRORS,
  READ_TASK_ERRORS,
  WRITE_TASK_ERRORS,
} from '../projects/project-errors.js';
import { projectParams, type ProjectParams } from '../projects/projects.dto.js';
import { expectedVersionOf, ifMatchHeaders, withEtag, type IfMatchHeaders } from './task-version.js';
import {
  createTaskBody,
  listTasksQuery,
  taskPage,
  taskParams,
  taskResponse,
  toCreateTaskRequest,
  toListTasksRequest,
  toTask,
  toTaskPage,
  toUpdateTaskRequest,
  updateTaskBody,
  type CreateTaskBody,
  type ListTasksQuery,
  type TaskPage,
  type TaskParams,
  type TaskResponse,
  type UpdateTaskBody,
} from './tasks.dto.js';

const tag = 'Tasks';

/** Tasks of a project; the project service decides who may read and change them. */
@Controller()
export class TasksController {
  constructor(@Inject(PROJECT_CLIENT) private readonly projects: ProjectClient) {}

  @Endpoint({
    method: 'GET',
    path: '/api/v1/projects/{projectId}/tasks',
    tag,
    auth: 'user',
    status: 200,
    summary: 'Tasks of a project, filtered by status, assignee or words',
    errorCodes: READ_PROJECT_ERRORS,
    params: projectParams,
    query: listTasksQuery,
    response: taskPage,
    errors: [],
  })
  async listTasks(@ValidParams() params: ProjectParams, @ValidQuery() query: ListTasksQuery): Promise<TaskPage> {
    return toTaskPage(await this.projects.listTasks(toListTasksRequest(params.projectId, query)));
  }

  @Endpoint({
    method: 'POST',
    path: '/api/v1/projects/{projectId}/tasks',
    tag,
    auth: 'user',
    status: 201,
    summary: 'Create a task (members, admins and owners); it gets the next number of the project',
    description: 'Status and priority may be left out for their defaults. Answers the ETag. Honours `Idempotency-Key`.',
    // PLAN_LIMIT_REACHED: the project's plan allows no more tasks (GET /api/v1/plans).
    errorCodes: { ...CHANGE_PROJECT_CONTENT_ERRORS, 409: [ARCHIVED, 'PLAN_LIMIT_REACHED'] },
    idempotent: true,
    params: projectParams,
    body: createTaskBody,
    response: taskResponse,
    errors: [],
  })
  async createTask(
    @ValidParams() params: ProjectParams,
    @ValidBody() body: CreateTaskBody,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TaskResponse> {
    const { task } = await this.projects.createTask(toCreateTaskRequest(params.projectId, body));
    return withEtag(reply, toTask(task));
  }

  @Endpoint({
    method: 'GET',
    path: '/api/v1/projects/{projectId}/tasks/{taskId}',
    tag,
    auth: 'user',
    status: 200,
    summary: 'One task, with its version as the ETag',
    errorCodes: READ_TASK_ERRORS,
    params: taskParams,
    response: taskResponse,
    errors: [],
  })
  async getTask(@ValidParams() params: TaskParams, @Res({ passthrough: true }) reply: FastifyReply): Promise<TaskResponse> {
    const { task } = await this.projects.getTask({ projectId: params.projectId, taskId: params.taskId });
    return withEtag(reply, toTask(task));
  }

  @Endpoint({
    method: 'PATCH',
    path: '/api/v1/projects/{projectId}/tasks/{taskId}',
    tag,
    auth: 'user',
    status: 200,
    summary: 'Change a task, based on the version last read (optimistic concurrency)',
    description:
      'Send the version as `If-Match` (the ETag, e.g. `"3"`) or as `version` in the body; without one the answer ' +
      'is 428, and 409 `VERSION_CONFLICT` when the task changed since. Only the fields sent change: ' +
      '`assigneeId: null` unassigns, `dueDate: null` clears, `labels` replaces all labels.',
    errorCodes: { ...WRITE_TASK_ERRORS, 409: ['VERSION_CONFLICT', ARCHIVED], 428: ['PRECONDITION_REQUIRED'] },
    params: taskParams,
    headers: ifMatchHeaders,
    body: updateTaskBody,
    response: taskResponse,
    errors: [],
  })
  async updateTask(
    @ValidParams() params: TaskParams,
    @ValidBody() body: UpdateTaskBody,
    @ValidHeaders() headers: IfMatchHeaders,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TaskResponse> {
    const { version, ...changes } = body;
    const { task } = await this.projects.updateTask(toUpdateTaskRequest(params, changes, expectedVersionOf(headers, version)));
    return withEtag(reply, toTask(task));
  }

  @Endpoint({
    method: 'DELETE',
    path: '/api/v1/projects/{projectId}/tasks/{taskId}',
    tag,
    auth: 'user',
    status: 204,
    summary: 'Delete a task; its number is never given to another task',
    errorCodes: CHANGE_TASK_ERRORS,
    params: taskParams,
    errors: [],
  })
  async deleteTask(@ValidParams() params: TaskParams): Promise<void> {
    await this.projects.deleteTask({ projectId: params.projectId, taskId: params.taskId });
  }
}
