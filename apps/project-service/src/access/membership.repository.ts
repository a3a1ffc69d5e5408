import { DB, type Db } from '@msp/platform';
import { Inject, Injectable } from '@nestjs/common';
import { and, eq, isNull } from 'drizzle-orm';
import { members, projects } from '../db/schema.js';
import type { ProjectRole } from './project-roles.js';

export interface LockedProject {
  id: string;
  name: string;
  key: string;
  archived: boolean;
}

@Injectable()
export class MembershipRepository {
  constructor(@Inject(DB) private readonly db: Db) {}

  /** The user's role in a live project; undefined when either does not exist for them. */
  async roleOf(projectId: string, userId: string, tx: Db = this.db): Promise<ProjectRole | undefined> {
    const rows = await tx
      .select({ role: members.role })
      .from(members)
      .innerJoin(projects, eq(projects.id, members.projectId))
      .where(and(eq(members.projectId, projectId), eq(members.userId, userId), isNull(projects.deletedAt)))
      .limit(1);
    return rows[0]?.role as ProjectRole | undefined;
  }

  /**
   * Locks a live project's row until the transaction ends. Changes whose rules read other rows
   * (the last owner, one pending invitation per address) take it first, so two of them never decide
   * on the same stale picture.
   */
  async lockLiveProject(projectId: string, tx: Db): Promise<LockedProject | undefined> {
    const rows = await tx
      .select({ id: projects.id, name: projects.name, key: projects.key, archived: projects.archived })
      .from(projects)
      .where(and(eq(projects.id, projectId), isNull(projects.deletedAt)))
      .for('update');
    return rows[0];
  }

  /**
   * Whether a live project is archived, and a lock that keeps it so until the transaction ends: every
   * archiving, unarchiving and deletion takes `lockLiveProject` first, which waits for this lock (and
   * this one for it). KEY SHARE, the weakest lock, so changes to tasks never wait for each other, nor
   * for the task counter's UPDATE.
   */
  async lockLiveProjectShared(projectId: string, tx: Db): Promise<{ archived: boolean } | undefined> {
    const rows = await tx
      .select({ archived: projects.archived })
      .from(projects)
      .where(and(eq(projects.id, projectId), isNull(projects.deletedAt)))
      .for('key share');
    return rows[0];
  }
}
