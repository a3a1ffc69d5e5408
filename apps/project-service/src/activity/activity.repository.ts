import { randomUUID } from 'node:crypto';
import { DB, type Db, type KeysetPosition } from '@msp/platform';
import { Inject, Injectable } from '@nestjs/common';
import { and, desc, eq } from 'drizzle-orm';
import { olderThan } from '../common/keyset.js';
import { activity } from '../db/schema.js';

export interface ActivityEntry {
  id: string;
  actorId: string;
  action: string;
  subject: string;
  data: Record<string, unknown>;
  createdAt: Date;
}

export interface NewActivity {
  projectId: string;
  actorId: string;
  /** `<entity>.<verb-past>`, e.g. `task.created`, `member.role_changed`. */
  action: string;
  /** What it happened to: a task key, a user id, an email address. */
  subject: string;
  data?: Record<string, unknown>;
}

const columns = {
  id: activity.id,
  actorId: activity.actorId,
  action: activity.action,
  subject: activity.subject,
  data: activity.data,
  createdAt: activity.createdAt,
};

@Injectable()
export class ActivityRepository {
  constructor(@Inject(DB) private readonly db: Db) {}

  /** Always called with the transaction of the change it describes: no change without its entry. */
  async add(entries: NewActivity[], tx: Db): Promise<void> {
    if (entries.length === 0) return;
    await tx.insert(activity).values(entries.map((entry) => ({ id: randomUUID(), data: {}, ...entry })));
  }

  /** Newest first, after `after` (keyset), `limit` rows. */
  async list(projectId: string, limit: number, after: KeysetPosition | undefined): Promise<ActivityEntry[]> {
    return this.db
      .select(columns)
      .from(activity)
      .where(and(eq(activity.projectId, projectId), olderThan(activity.createdAt, activity.id, after)))
      .orderBy(desc(activity.createdAt), desc(activity.id))
      .limit(limit);
  }
}
