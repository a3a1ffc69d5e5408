import { DB, type Db } from '@msp/platform';
import { Inject, Injectable } from '@nestjs/common';
import { and, asc, count, eq, isNull, or, sql } from 'drizzle-orm';
import { comments, members, projects, tasks } from '../db/schema.js';

/**
 * Everything about one user across projects, for their data export and for platform admins. Soft-
 * deleted projects and tasks are included (marked): the export shows what is held, not what is shown.
 */
@Injectable()
export class UserDataRepository {
  constructor(@Inject(DB) private readonly db: Db) {}

  memberships(userId: string) {
    return this.db
      .select({
        projectId: members.projectId,
        projectKey: projects.key,
        projectName: projects.name,
        role: members.role,
        joinedAt: members.joinedAt,
        projectDeletedAt: projects.deletedAt,
      })
      .from(members)
      .innerJoin(projects, eq(projects.id, members.projectId))
      .where(eq(members.userId, userId))
      .orderBy(asc(members.joinedAt), asc(members.projectId));
  }

  /** Tasks the user created or is assigned. */
  tasks(userId: string) {
    return this.db
      .select({
        id: tasks.id,
        projectId: tasks.projectId,
        key: sql<string>`${projects.key} || '-' || ${tasks.number}`,
        title: tasks.title,
        description: tasks.description,
        status: tasks.status,
        priority: tasks.priority,
        assigneeId: tasks.assigneeId,
        dueDate: tasks.dueDate,
        labels: tasks.labels,
        createdBy: tasks.createdBy,
        createdAt: tasks.createdAt,
        updatedAt: tasks.updatedAt,
        deletedAt: tasks.deletedAt,
      })
      .from(tasks)
      .innerJoin(projects, eq(projects.id, tasks.projectId))
      .where(or(eq(tasks.createdBy, userId), eq(tasks.assigneeId, userId)))
      .orderBy(asc(tasks.createdAt), asc(tasks.id));
  }

  comments(userId: string) {
    return this.db
      .select({
        id: comments.id,
        taskId: comments.taskId,
        taskKey: sql<string>`${projects.key} || '-' || ${tasks.number}`,
        body: comments.body,
        createdAt: comments.createdAt,
      })
      .from(comments)
      .innerJoin(tasks, eq(tasks.id, comments.taskId))
      .innerJoin(projects, eq(projects.id, tasks.projectId))
      .where(eq(comments.authorId, userId))
      .orderBy(asc(comments.createdAt), asc(comments.id));
  }

  /** Live projects the user is a member of. */
  async countProjects(userId: string): Promise<number> {
    const [row] = await this.db
      .select({ projects: count() })
      .from(members)
      .innerJoin(projects, eq(projects.id, members.projectId))
      .where(and(eq(members.userId, userId), isNull(projects.deletedAt)));
    return row?.projects ?? 0;
  }
}
