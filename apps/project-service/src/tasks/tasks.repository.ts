import { DB, type Db, type KeysetPosition } from '@msp/platform';
import { Inject, Injectable } from '@nestjs/common';
import { and, desc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { olderThan } from '../common/keyset.js';
import { projects, tasks } from '../db/schema.js';
import type { TaskPriority, TaskStatus } from './task-fields.js';

export interface TaskRow {
  id: string;
  projectId: string;
  number: number;
  /** Project key and number, e.g. WEB-42. */
  key: string;
  /** For notifications about the task, which name the project. */
  projectName: string;
  title: string;
  description: string;
  status: TaskStatus;
  priority: TaskPriority;
  assigneeId: string | null;
  dueDate: string | null;
  labels: string[];
  version: number;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

export type TaskValues = Pick<TaskRow, 'title' | 'description' | 'status' | 'priority' | 'assigneeId' | 'dueDate' | 'labels'>;

export interface TaskListFilter {
  status?: TaskStatus | undefined;
  assigneeId?: string | undefined;
  /** Words to find in title or description, each as a prefix. */
  words: string[];
}

// Computed columns are named, so a subquery can select them too (the search does).
const taskColumns = {
  id: tasks.id,
  projectId: tasks.projectId,
  number: tasks.number,
  key: sql<string>`${projects.key} || '-' || ${tasks.number}`.as('key'),
  projectName: projects.name,
  title: tasks.title,
  description: tasks.description,
  status: sql<TaskStatus>`${tasks.status}`.as('status'),
  priority: sql<TaskPriority>`${tasks.priority}`.as('priority'),
  assigneeId: tasks.assigneeId,
  dueDate: tasks.dueDate,
  labels: tasks.labels,
  version: tasks.version,
  createdBy: tasks.createdBy,
  createdAt: tasks.createdAt,
  updatedAt: tasks.updatedAt,
};

const live = (projectId: string) => and(eq(tasks.projectId, projectId), isNull(tasks.deletedAt));

/**
 * How far a search walks the list in order before it asks the search index instead, per row wanted.
 * The planner cannot choose between the two: it estimates every word outside its statistics at 0.5 %
 * of the tasks, so for a rarer word it walks the whole project (27 ms at 100,000 tasks) to fill a page.
 * At 100 rows per row wanted, a page of 20 reads at most 2,100 rows in order (about 1 ms); a word in
 * fewer than 1 % of them goes to the index, where its cost follows its matches (scripts/bench/tasks-scale.mjs).
 */
const SEARCH_WINDOW_PER_ROW = 100;

@Injectable()
export class TasksRepository {
  constructor(@Inject(DB) private readonly db: Db) {}

  /**
   * Takes the project's next task number. The UPDATE locks the project row until the transaction
   * ends, so concurrent creations get consecutive numbers one after the other, and a rolled-back
   * creation gives its number back while a committed one keeps it forever.
   */
  async takeNumber(projectId: string, tx: Db): Promise<number | undefined> {
    const rows = await tx
      .update(projects)
      .set({ nextTaskNumber: sql`${projects.nextTaskNumber} + 1` })
      .where(and(eq(projects.id, projectId), isNull(projects.deletedAt)))
      .returning({ number: sql<number>`${projects.nextTaskNumber} - 1` });
    return rows[0]?.number;
  }

  async insert(task: TaskValues & { id: string; projectId: string; number: number; createdBy: string }, tx: Db): Promise<void> {
    await tx.insert(tasks).values(task);
  }

  async find(projectId: string, taskId: string, tx: Db = this.db): Promise<TaskRow | undefined> {
    const rows = await tx
      .select(taskColumns)
      .from(tasks)
      .innerJoin(projects, eq(projects.id, tasks.projectId))
      .where(and(live(projectId), eq(tasks.id, taskId)));
    return rows[0];
  }

  /** Applies `values` if the task still has `expectedVersion`; undefined when another write came first. */
  async update(
    projectId: string,
    taskId: string,
    expectedVersion: number,
    values: Partial<TaskValues>,
    tx: Db,
  ): Promise<number | undefined> {
    const rows = await tx
      .update(tasks)
      .set({ ...values, version: sql`${tasks.version} + 1`, updatedAt: sql`now()` })
      .where(and(live(projectId), eq(tasks.id, taskId), eq(tasks.version, expectedVersion)))
      .returning({ version: tasks.version });
    return rows[0]?.version;
  }

  /** Soft delete: the number stays taken and comments stay for the record, but the task is gone for readers. */
  async softDelete(projectId: string, taskId: string, tx: Db): Promise<boolean> {
    const rows = await tx
      .update(tasks)
      .set({ deletedAt: sql`now()`, version: sql`${tasks.version} + 1`, updatedAt: sql`now()` })
      .where(and(live(projectId), eq(tasks.id, taskId)))
      .returning({ id: tasks.id });
    return rows.length > 0;
  }

  /** Unassigns the user's tasks in the project (a new version each); returns their numbers. */
  async unassignUser(projectId: string, userId: string, tx: Db): Promise<number[]> {
    const rows = await tx
      .update(tasks)
      .set({ assigneeId: null, version: sql`${tasks.version} + 1`, updatedAt: sql`now()` })
      .where(and(live(projectId), eq(tasks.assigneeId, userId)))
      .returning({ number: tasks.number });
    return rows.map((row) => row.number).sort((a, b) => a - b);
  }

  /** Newest first, after `after` (keyset), `limit` rows, filtered. */
  async list(projectId: string, filter: TaskListFilter, limit: number, after: KeysetPosition | undefined): Promise<TaskRow[]> {
    const listed = and(
      live(projectId),
      filter.status ? eq(tasks.status, filter.status) : undefined,
      filter.assigneeId ? eq(tasks.assigneeId, filter.assigneeId) : undefined,
      olderThan(tasks.createdAt, tasks.id, after),
    );
    if (filter.words.length === 0) {
      return this.db
        .select(taskColumns)
        .from(tasks)
        .innerJoin(projects, eq(projects.id, tasks.projectId))
        .where(listed)
        .orderBy(desc(tasks.createdAt), desc(tasks.id))
        .limit(limit);
    }
    const query = prefixQuery(filter.words);
    const among = await this.matchesAmongNext(listed, query, limit, limit * SEARCH_WINDOW_PER_ROW);
    return among.length === limit ? among : this.matchesThroughSearchIndex(listed, query, limit);
  }

  /**
   * Search, the way for words in many tasks: the next rows of the list, in order, until `limit` of them
   * match, reading at most `window` rows. The subquery's LIMIT bounds the walk along the list index; the
   * words are only tested above it, so no estimate of theirs can make the planner walk further. When
   * `limit` rows match, they are the answer: every row past the window comes later in the list.
   */
  private async matchesAmongNext(listed: SQL | undefined, query: string, limit: number, window: number): Promise<TaskRow[]> {
    const next = this.db
      .select({ ...taskColumns, matches: sql<boolean>`${tasks.search} @@ to_tsquery('simple', ${query})`.as('matches') })
      .from(tasks)
      .innerJoin(projects, eq(projects.id, tasks.projectId))
      .where(listed)
      .orderBy(desc(tasks.createdAt), desc(tasks.id))
      .limit(window)
      .as('next_tasks');
    const rows = await this.db
      .select()
      .from(next)
      .where(sql`${next.matches}`)
      .orderBy(desc(next.createdAt), desc(next.id))
      .limit(limit);
    return rows.map(({ matches: _matches, ...row }) => row);
  }

  /**
   * Search, the way for words in few tasks: every match through the search (GIN) index, then the first
   * `limit` in list order. MATERIALIZED keeps the matches a query of their own, so the planner cannot turn
   * it back into a walk of the list in order filtered by the words.
   */
  private async matchesThroughSearchIndex(listed: SQL | undefined, query: string, limit: number): Promise<TaskRow[]> {
    const page = sql`with matches as materialized (
        select ${tasks.id} as id, ${tasks.createdAt} as created_at from ${tasks}
        where ${listed} and ${tasks.search} @@ to_tsquery('simple', ${query})
      )
      select id from matches order by created_at desc, id desc limit ${limit}`;
    return this.db
      .select(taskColumns)
      .from(tasks)
      .innerJoin(projects, eq(projects.id, tasks.projectId))
      .where(sql`${tasks.id} in (${page})`)
      .orderBy(desc(tasks.createdAt), desc(tasks.id))
      .limit(limit);
  }
}

/** `auth:* & flow:*`: every word must occur as the start of some word. Words hold only letters and digits. */
function prefixQuery(words: string[]): string {
  return words.map((word) => `${word}:*`).join(' & ');
}
