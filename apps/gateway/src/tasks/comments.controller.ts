import { Controller, Inject } from '@nestjs/common';
import { PROJECT_CLIENT, type ProjectClient } from '../grpc/grpc-clients.module.js';
import { pageQuery, type PageQuery } from '../http/common.dto.js';
import { Endpoint } from '../http/endpoint.decorator.js';
import { ValidBody, ValidParams, ValidQuery } from '../http/valid-input.decorator.js';
import { CHANGE_TASK_ERRORS, READ_TASK_ERRORS } from '../projects/project-errors.js';
import { taskParams, type TaskParams } from './tasks.dto.js';
import {
  commentPage,
  commentResponse,
  createCommentBody,
  toComment,
  toCommentPage,
  type CommentPage,
  type CommentResponse,
  type CreateCommentBody,
} from './comments.dto.js';

const tag = 'Tasks';
const path = '/api/v1/projects/{projectId}/tasks/{taskId}/comments';

/** The discussion of a task; the author is always the caller. */
@Controller()
export class CommentsController {
  constructor(@Inject(PROJECT_CLIENT) private readonly projects: ProjectClient) {}

  @Endpoint({
    method: 'GET',
    path,
    tag,
    auth: 'user',
    status: 200,
    summary: 'Comments on a task',
    errorCodes: READ_TASK_ERRORS,
    params: taskParams,
    query: pageQuery,
    response: commentPage,
    errors: [],
  })
  async listComments(@ValidParams() params: TaskParams, @ValidQuery() query: PageQuery): Promise<CommentPage> {
    const { projectId, taskId } = params;
    return toCommentPage(await this.projects.listComments({ projectId, taskId, limit: query.limit, cursor: query.cursor ?? '' }));
  }

  @Endpoint({
    method: 'POST',
    path,
    tag,
    auth: 'user',
    status: 201,
    summary: 'Comment on a task (members, admins and owners)',
    description: 'Honours `Idempotency-Key`.',
    errorCodes: CHANGE_TASK_ERRORS,
    idempotent: true,
    params: taskParams,
    body: createCommentBody,
    response: commentResponse,
    errors: [],
  })
  async createComment(@ValidParams() params: TaskParams, @ValidBody() body: CreateCommentBody): Promise<CommentResponse> {
    const { comment } = await this.projects.createComment({ projectId: params.projectId, taskId: params.taskId, body: body.body });
    return toComment(comment);
  }
}
