import { DB, type Db, type KeysetPosition } from '@msp/platform';
import { Inject, Injectable } from '@nestjs/common';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { olderThan } from '../common/keyset.js';
import { members, projects } from '../db/schema.js';

export interface ProjectWithRole {
  id: string;
  name: string;
  key: string;
  description: string;
  plan: string;
  archived: boolean;
  createdAt: Date;
  role: string;
}

export interface ProjectChanges {
  name?: string;
  description?: string;
  archived?: boolean;
}

const projectColumns = {
  id: projects.id,
  name: projects.name,
  key: projects.key,
  description: projects.description,
  plan: projects.plan,
  archived: projects.archived,
  createdAt: projects.createdAt,
  role: members.role,
};

@Injectable()
export class ProjectsRepository {
  constructor(@Inject(DB) private readonly db: Db) {}

  /** Inserts the project and its owner; false when a live project already has the key. */
  async insertWithOwner(project: typeof projects.$inferInsert, ownerId: string, tx: Db = this.db): Promise<boolean> {
    const inserted = await tx
      .insert(projects)
      .values(project)
      .onConflictDoNothing({ target: projects.key, where: sql`${projects.deletedAt} is null` })
      .returning({ id: projects.id });
    if (inserted.length === 0) return false;
    await tx.insert(members).values({ projectId: project.id!, userId: ownerId, role: 'owner' });
    return true;
  }

  /** The project if `userId` is a member of it (deleted projects do not exist for anyone). */
  async findForMember(projectId: string, userId: string, tx: Db = this.db): Promise<ProjectWithRole | undefined> {
    const rows = await tx
      .select(projectColumns)
      .from(projects)
      .innerJoin(members, and(eq(members.projectId, projects.id), eq(members.userId, userId)))
      .where(and(eq(projects.id, projectId), isNull(projects.deletedAt)))
      .limit(1);
    return rows[0];
  }

  async update(projectId: string, values: ProjectChanges, tx: Db): Promise<void> {
    await tx
      .update(projects)
      .set({ ...values, updatedAt: sql`now()` })
      .where(and(eq(projects.id, projectId), isNull(projects.deletedAt)));
  }

  /** Soft delete: the row stays (its key may be taken again), but the project is gone for everyone. */
  async softDelete(projectId: string, tx: Db): Promise<boolean> {
    const rows = await tx
      .update(projects)
      .set({ deletedAt: sql`now()`, updatedAt: sql`now()` })
      .where(and(eq(projects.id, projectId), isNull(projects.deletedAt)))
      .returning({ id: projects.id });
    return rows.length > 0;
  }

  /** The member's projects, newest first, after `after` (keyset), `limit` rows. */
  async listForMember(userId: string, limit: number, after: KeysetPosition | undefined): Promise<ProjectWithRole[]> {
    return this.db
      .select(projectColumns)
      .from(projects)
      .innerJoin(members, and(eq(members.projectId, projects.id), eq(members.userId, userId)))
      .where(and(isNull(projects.deletedAt), olderThan(projects.createdAt, projects.id, after)))
      .orderBy(desc(projects.createdAt), desc(projects.id))
      .limit(limit);
  }
}
