import { randomUUID } from 'node:crypto';
import { pageSize, toPage, UnitOfWork, type Caller, type FieldProblem } from '@msp/platform';
import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { ProjectAccess } from '../access/project-access.js';
import { ActivityRepository } from '../activity/activity.repository.js';
import { cursorPosition, isUuid, parseInput } from '../common/validation.js';
import { TasksRepository } from '../tasks/tasks.repository.js';
import { CommentError } from './comments.errors.js';
import { CommentsRepository, type CommentRow } from './comments.repository.js';

// Markdown: kept as written, but a comment of only whitespace says nothing.
const bodySchema = z
  .string()
  .max(10_000)
  .refine((body) => body.trim().length > 0, 'must not be empty');

export interface CommentPage {
  items: CommentRow[];
  nextCursor: string;
}

/** Comments on tasks: members and up write them (not in an archived project), everyone in the project reads them. */
@Injectable()
export class CommentsService {
  constructor(
    private readonly access: ProjectAccess,
    private readonly tasks: TasksRepository,
    private readonly comments: CommentsRepository,
    private readonly activity: ActivityRepository,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async create(projectId: string, taskId: string, body: string, caller: Caller | undefined): Promise<CommentRow> {
    const { userId } = await this.access.require(projectId, caller, 'member');
    if (!isUuid(taskId)) throw taskNotFound();
    const text = parseInput(z.object({ body: bodySchema }), { body }, invalid).body;
    return this.unitOfWork.run(async (tx, events) => {
      await this.access.requireWritable(projectId, tx);
      const task = await this.tasks.find(projectId, taskId, tx);
      if (!task) throw taskNotFound();
      const comment = await this.comments.insert({ id: randomUUID(), taskId, authorId: userId, body: text }, tx);
      await this.activity.add(
        [{ projectId, actorId: userId, action: 'task.commented', subject: task.key, data: { commentId: comment.id } }],
        tx,
      );
      await events.add({
        type: 'task.commented.v1',
        subject: taskId,
        data: {
          commentId: comment.id,
          taskId,
          projectId,
          taskKey: task.key,
          title: task.title,
          authorId: userId,
          assigneeId: task.assigneeId,
        },
      });
      return comment;
    });
  }

  async list(projectId: string, taskId: string, caller: Caller | undefined, limit: number, cursor: string): Promise<CommentPage> {
    await this.access.require(projectId, caller, 'viewer');
    if (!isUuid(taskId) || !(await this.tasks.find(projectId, taskId))) throw taskNotFound();
    const after = cursorPosition(cursor, invalid);
    const size = pageSize(limit);
    return toPage(await this.comments.list(taskId, size + 1, after), size);
  }
}

function invalid(fields: FieldProblem[]): CommentError {
  return new CommentError('VALIDATION_FAILED', 'The comment is invalid.', fields);
}

function taskNotFound(): CommentError {
  return new CommentError('TASK_NOT_FOUND', 'No such task in this project.');
}
