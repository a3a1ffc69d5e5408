import { DB, type Db } from '@msp/platform';
import { Inject, Injectable } from '@nestjs/common';
import { and, asc, count, eq, isNull, ne, sql } from 'drizzle-orm';
import type { ProjectRole } from '../access/project-roles.js';
import { members, people, projects } from '../db/schema.js';

export interface MemberView {
  userId: string;
  /** Empty when this service has not heard of the person (yet). */
  displayName: string;
  email: string;
  role: ProjectRole;
  joinedAt: Date;
}

export interface UserMembership {
  projectId: string;
  role: ProjectRole;
}

const memberColumns = {
  userId: members.userId,
  displayName: sql<string>`coalesce(${people.displayName}, '')`,
  email: sql<string>`coalesce(${people.email}, '')`,
  role: sql<ProjectRole>`${members.role}`,
  joinedAt: members.joinedAt,
};

@Injectable()
export class MembersRepository {
  constructor(@Inject(DB) private readonly db: Db) {}

  /** The project's members, longest-standing first, with what is known of each person. */
  async list(projectId: string): Promise<MemberView[]> {
    return this.db
      .select(memberColumns)
      .from(members)
      .leftJoin(people, eq(people.userId, members.userId))
      .where(eq(members.projectId, projectId))
      .orderBy(asc(members.joinedAt), asc(members.userId));
  }

  async find(projectId: string, userId: string, tx: Db = this.db): Promise<MemberView | undefined> {
    const rows = await tx
      .select(memberColumns)
      .from(members)
      .leftJoin(people, eq(people.userId, members.userId))
      .where(and(eq(members.projectId, projectId), eq(members.userId, userId)));
    return rows[0];
  }

  /** False when the user already was a member (their role is then left as it was). */
  async add(projectId: string, userId: string, role: ProjectRole, tx: Db): Promise<boolean> {
    const inserted = await tx
      .insert(members)
      .values({ projectId, userId, role })
      .onConflictDoNothing()
      .returning({ userId: members.userId });
    return inserted.length > 0;
  }

  async setRole(projectId: string, userId: string, role: ProjectRole, tx: Db): Promise<void> {
    await tx
      .update(members)
      .set({ role })
      .where(and(eq(members.projectId, projectId), eq(members.userId, userId)));
  }

  async remove(projectId: string, userId: string, tx: Db): Promise<boolean> {
    const removed = await tx
      .delete(members)
      .where(and(eq(members.projectId, projectId), eq(members.userId, userId)))
      .returning({ userId: members.userId });
    return removed.length > 0;
  }

  async countOwners(projectId: string, tx: Db): Promise<number> {
    const [row] = await tx
      .select({ owners: count() })
      .from(members)
      .where(and(eq(members.projectId, projectId), eq(members.role, 'owner')));
    return row?.owners ?? 0;
  }

  async userIds(projectId: string, tx: Db): Promise<string[]> {
    const rows = await tx.select({ userId: members.userId }).from(members).where(eq(members.projectId, projectId));
    return rows.map((row) => row.userId);
  }

  /** Whether someone whose (normalized) address is `email` is a member of the project. */
  async hasMemberWithEmail(projectId: string, email: string, tx: Db): Promise<boolean> {
    const rows = await tx
      .select({ userId: members.userId })
      .from(members)
      .innerJoin(people, eq(people.userId, members.userId))
      .where(and(eq(members.projectId, projectId), eq(people.email, email)))
      .limit(1);
    return rows.length > 0;
  }

  /** The user's memberships of live projects, in project id order (the order projects are locked in). */
  async listForUser(userId: string, tx: Db): Promise<UserMembership[]> {
    return tx
      .select({ projectId: members.projectId, role: sql<ProjectRole>`${members.role}` })
      .from(members)
      .innerJoin(projects, eq(projects.id, members.projectId))
      .where(and(eq(members.userId, userId), isNull(projects.deletedAt)))
      .orderBy(asc(members.projectId));
  }

  /** The member with `role` who joined first (ties by user id), other than `except`. */
  async longestStanding(projectId: string, role: ProjectRole, except: string, tx: Db): Promise<string | undefined> {
    const rows = await tx
      .select({ userId: members.userId })
      .from(members)
      .where(and(eq(members.projectId, projectId), eq(members.role, role), ne(members.userId, except)))
      .orderBy(asc(members.joinedAt), asc(members.userId))
      .limit(1);
    return rows[0]?.userId;
  }
}
