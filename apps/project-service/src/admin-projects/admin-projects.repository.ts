import { DB, type Db, type KeysetPosition } from '@msp/platform';
import { Inject, Injectable } from '@nestjs/common';
import { and, asc, desc, eq, ilike, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { PlanId } from '../billing/plans.js';
import { olderThan } from '../common/keyset.js';
import { members, people, projects } from '../db/schema.js';

export const PROJECT_STATUSES = ['active', 'archived'] as const;

export interface AdminProjectFilter {
  /** Part of the name or the key, matched literally in any case. */
  q?: string;
  status?: (typeof PROJECT_STATUSES)[number];
  plan?: PlanId;
}

export interface AdminProjectRow {
  id: string;
  name: string;
  key: string;
  description: string;
  plan: string;
  archived: boolean;
  createdAt: Date;
  membersCount: number;
  tasksCount: number;
}

export interface ProjectOwner {
  projectId: string;
  userId: string;
  email: string | null;
  displayName: string | null;
}

// Counted per row by correlated sub-queries: a page is at most 100 projects, each count an index scan
// (members by primary key, tasks by tasks_project_keyset_idx). The names are written out qualified
// because drizzle leaves columns unqualified in a one-table select, and a bare "id" inside the tasks
// sub-query would be the task's id, not the project's.
const membersCount = sql<number>`(select count(*)::int from projects.members m where m.project_id = projects.id)`;
const tasksCount = sql<number>`(select count(*)::int from projects.tasks t where t.project_id = projects.id and t.deleted_at is null)`;

const columns = {
  id: projects.id,
  name: projects.name,
  key: projects.key,
  description: projects.description,
  plan: projects.plan,
  archived: projects.archived,
  createdAt: projects.createdAt,
  membersCount: membersCount.mapWith(Number),
  tasksCount: tasksCount.mapWith(Number),
};

/** Every live project, for platform administrators: no membership is involved. */
@Injectable()
export class AdminProjectsRepository {
  constructor(@Inject(DB) private readonly db: Db) {}

  /** A page of live projects, newest first, after `after` (keyset on created_at desc, id desc). */
  async list(filter: AdminProjectFilter, limit: number, after: KeysetPosition | undefined): Promise<AdminProjectRow[]> {
    const pattern = filter.q ? `%${escapeLike(filter.q)}%` : undefined;
    const conditions: Array<SQL | undefined> = [
      isNull(projects.deletedAt),
      pattern ? or(ilike(projects.name, pattern), ilike(projects.key, pattern)) : undefined,
      filter.status ? eq(projects.archived, filter.status === 'archived') : undefined,
      filter.plan ? eq(projects.plan, filter.plan) : undefined,
      olderThan(projects.createdAt, projects.id, after),
    ];
    return this.db
      .select(columns)
      .from(projects)
      .where(and(...conditions))
      .orderBy(desc(projects.createdAt), desc(projects.id))
      .limit(limit);
  }

  async find(projectId: string): Promise<AdminProjectRow | undefined> {
    const rows = await this.db
      .select(columns)
      .from(projects)
      .where(and(eq(projects.id, projectId), isNull(projects.deletedAt)))
      .limit(1);
    return rows[0];
  }

  /** The owners of these projects, longest-standing first within each project. */
  async owners(projectIds: string[]): Promise<ProjectOwner[]> {
    if (projectIds.length === 0) return [];
    return this.db
      .select({ projectId: members.projectId, userId: members.userId, email: people.email, displayName: people.displayName })
      .from(members)
      .leftJoin(people, eq(people.userId, members.userId))
      .where(and(inArray(members.projectId, projectIds), eq(members.role, 'owner')))
      .orderBy(asc(members.projectId), asc(members.joinedAt), asc(members.userId));
  }
}

/** The search text is matched literally: `%`, `_` and `\` are not wildcards for the admin. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}
