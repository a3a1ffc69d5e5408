import { DB, type Db, type KeysetPosition } from '@msp/platform';
import { Inject, Injectable } from '@nestjs/common';
import { and, desc, eq, isNull, lt, or, sql } from 'drizzle-orm';
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
  async findForMember(projectId: string, userId: string): Promise<ProjectWithRole | undefined> {
    const rows = await this.db
      .select(projectColumns)
      .from(projects)
      .innerJoin(members, and(eq(members.projectId, projects.id), eq(members.userId, userId)))
      .where(and(eq(projects.id, projectId), isNull(projects.deletedAt)))
      .limit(1);
    return rows[0];
  }

  /** The member's projects, newest first, after `after` (keyset), `limit` rows. */
  async listForMember(userId: string, limit: number, after: KeysetPosition | undefined): Promise<ProjectWithRole[]> {
    const afterCondition = after
      ? or(lt(projects.createdAt, new Date(after.at)), and(eq(projects.createdAt, new Date(after.at)), lt(projects.id, after.id)))
      : undefined;
    return this.db
      .select(projectColumns)
      .from(projects)
      .innerJoin(members, and(eq(members.projectId, projects.id), eq(members.userId, userId)))
      .where(and(isNull(projects.deletedAt), afterCondition))
      .orderBy(desc(projects.createdAt), desc(projects.id))
      .limit(limit);
  }
}
