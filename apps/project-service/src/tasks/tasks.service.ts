import { randomUUID } from 'node:crypto';
import { pageSize, toPage, UnitOfWork, type Caller, type Db, type EventRecorder, type FieldProblem } from '@msp/platform';
import { Injectable } from '@nestjs/common';
import { AccessError } from '../access/access.errors.js';
import { MembershipRepository } from '../access/membership.repository.js';
import { ProjectAccess } from '../access/project-access.js';
import { ActivityRepository } from '../activity/activity.repository.js';
import { PlanLimits } from '../billing/plan-limits.js';
import { cursorPosition, isUuid, parseInput } from '../common/validation.js';
import { PeopleRepository } from '../people/people.repository.js';
import { differingValues, updateActivity } from './task-changes.js';
import {
  newTaskSchema,
  taskChangesSchema,
  taskFilterSchema,
  type NewTaskInput,
  type TaskChangesInput,
  type TaskFilterInput,
} from './task-fields.js';
import { TaskError } from './tasks.errors.js';
import { TasksRepository, type TaskRow } from './tasks.repository.js';

export interface TaskPage {
  items: TaskRow[];
  nextCursor: string;
}

/** Tasks: viewers read them, members and up create, change and delete them (not in an archived project). */
@Injectable()
export class TasksService {
  constructor(
    private readonly access: ProjectAccess,
    private readonly tasks: TasksRepository,
    private readonly memberships: MembershipRepository,
    private readonly people: PeopleRepository,
    private readonly activity: ActivityRepository,
    private readonly unitOfWork: UnitOfWork,
    private readonly planLimits: PlanLimits,
  ) {}

  async create(projectId: string, input: NewTaskInput, caller: Caller | undefined): Promise<TaskRow> {
    const { userId } = await this.access.require(projectId, caller, 'member');
    const task = parseInput(newTaskSchema, input, invalid);
    const id = randomUUID();
    return this.unitOfWork.run(async (tx, events) => {
      await this.access.requireWritable(projectId, tx);
      const number = await this.tasks.takeNumber(projectId, tx);
      if (number === undefined) throw new AccessError('PROJECT_NOT_FOUND', 'No such project.');
      // After the counter's row lock: concurrent creations wait here, so the count they see is exact.
      await this.planLimits.requireRoomForTask(projectId, tx);
      if (task.assigneeId) await this.requireAssignable(projectId, task.assigneeId, tx);
      await this.tasks.insert({ ...task, id, projectId, number, createdBy: userId }, tx);
      const created = (await this.tasks.find(projectId, id, tx))!;
      await this.activity.add(
        [{ projectId, actorId: userId, action: 'task.created', subject: created.key, data: { title: created.title } }],
        tx,
      );
      await events.add({
        type: 'task.created.v1',
        subject: id,
        data: {
          taskId: id,
          projectId,
          taskKey: created.key,
          title: created.title,
          status: created.status,
          assigneeId: created.assigneeId,
          createdBy: userId,
        },
      });
      if (created.assigneeId) {
        await this.activity.add(
          [{ projectId, actorId: userId, action: 'task.assigned', subject: created.key, data: { from: null, to: created.assigneeId } }],
          tx,
        );
        await this.recordAssigned(created, userId, tx, events);
      }
      return created;
    });
  }

  async get(projectId: string, taskId: string, caller: Caller | undefined): Promise<TaskRow> {
    await this.access.require(projectId, caller, 'viewer');
    const task = isUuid(taskId) ? await this.tasks.find(projectId, taskId) : undefined;
    if (!task) throw taskNotFound();
    return task;
  }

  async list(
    projectId: string,
    filterInput: TaskFilterInput,
    caller: Caller | undefined,
    limit: number,
    cursor: string,
  ): Promise<TaskPage> {
    await this.access.require(projectId, caller, 'viewer');
    const filter = parseInput(taskFilterSchema, filterInput, invalid);
    const after = cursorPosition(cursor, invalid);
    const words = filter.q.match(/[\p{L}\p{N}]+/gu) ?? [];
    const size = pageSize(limit);
    return toPage(await this.tasks.list(projectId, { status: filter.status, assigneeId: filter.assigneeId, words }, size + 1, after), size);
  }

  /**
   * Optimistic concurrency: the change applies only to `expectedVersion`, and each change makes a new
   * version. Of two writers holding the same version one wins, the other gets VERSION_CONFLICT.
   */
  async update(
    projectId: string,
    taskId: string,
    expectedVersion: number,
    input: TaskChangesInput,
    caller: Caller | undefined,
  ): Promise<TaskRow> {
    const { userId } = await this.access.require(projectId, caller, 'member');
    if (!isUuid(taskId)) throw taskNotFound();
    const changes = parseInput(taskChangesSchema, input, invalid);
    if (!Number.isInteger(expectedVersion) || expectedVersion < 1)
      throw invalid([{ path: 'version', message: 'must be the version you read' }]);
    return this.unitOfWork.run(async (tx, events) => {
      await this.access.requireWritable(projectId, tx);
      const before = await this.tasks.find(projectId, taskId, tx);
      if (!before) throw taskNotFound();
      if (before.version !== expectedVersion) throw versionConflict(before.version);
      const changed = differingValues(before, changes);
      const fields = Object.keys(changed);
      if (fields.length === 0) return before;
      if (changed.assigneeId) await this.requireAssignable(projectId, changed.assigneeId, tx);
      if ((await this.tasks.update(projectId, taskId, expectedVersion, changed, tx)) === undefined) throw versionConflict();
      const after = (await this.tasks.find(projectId, taskId, tx))!;
      await this.activity.add(
        updateActivity(before, changed, userId).map((entry) => ({ ...entry, projectId })),
        tx,
      );
      await events.add({
        type: 'task.updated.v1',
        subject: taskId,
        data: { taskId, projectId, taskKey: after.key, version: after.version, changed: fields, updatedBy: userId },
      });
      if (changed.status) {
        await events.add({
          type: 'task.status_changed.v1',
          subject: taskId,
          data: { taskId, projectId, taskKey: after.key, title: after.title, from: before.status, to: changed.status, changedBy: userId },
        });
      }
      if (changed.assigneeId) await this.recordAssigned(after, userId, tx, events);
      return after;
    });
  }

  /** Soft delete: the task disappears for everyone, its number is never given again, its comments stay on record. */
  async delete(projectId: string, taskId: string, caller: Caller | undefined): Promise<void> {
    const { userId } = await this.access.require(projectId, caller, 'member');
    if (!isUuid(taskId)) throw taskNotFound();
    await this.unitOfWork.run(async (tx, events) => {
      await this.access.requireWritable(projectId, tx);
      const task = await this.tasks.find(projectId, taskId, tx);
      if (!task || !(await this.tasks.softDelete(projectId, taskId, tx))) throw taskNotFound();
      await this.activity.add([{ projectId, actorId: userId, action: 'task.deleted', subject: task.key, data: { title: task.title } }], tx);
      await events.add({ type: 'task.deleted.v1', subject: taskId, data: { taskId, projectId, taskKey: task.key, deletedBy: userId } });
    });
  }

  /** An assignee must be a member of the project (any role). */
  private async requireAssignable(projectId: string, assigneeId: string, tx: Db): Promise<void> {
    if (!(await this.memberships.roleOf(projectId, assigneeId, tx))) {
      throw invalid([{ path: 'assigneeId', message: 'must be a member of the project' }]);
    }
  }

  private async recordAssigned(task: TaskRow, assignedBy: string, tx: Db, events: EventRecorder): Promise<void> {
    await events.add({
      type: 'task.assigned.v1',
      subject: task.id,
      data: {
        taskId: task.id,
        projectId: task.projectId,
        projectName: task.projectName,
        taskKey: task.key,
        title: task.title,
        assigneeId: task.assigneeId!,
        assignedBy,
        assignerName: await this.people.displayNameOf(assignedBy, tx),
      },
    });
  }
}

function invalid(fields: FieldProblem[]): TaskError {
  return new TaskError('VALIDATION_FAILED', 'The task is invalid.', fields);
}

function taskNotFound(): TaskError {
  return new TaskError('TASK_NOT_FOUND', 'No such task in this project.');
}

function versionConflict(current?: number): TaskError {
  const now = current === undefined ? '' : ` (it is at version ${current})`;
  return new TaskError('VERSION_CONFLICT', `The task changed since you read it${now}: reload it and apply your change again.`);
}
