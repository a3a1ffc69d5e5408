import { DB, type Db, type KeysetPosition } from '@msp/platform';
import { Inject, Injectable } from '@nestjs/common';
import { and, asc, eq } from 'drizzle-orm';
import { newerThan } from '../common/keyset.js';
import { comments } from '../db/schema.js';

export interface CommentRow {
  id: string;
  taskId: string;
  authorId: string;
  body: string;
  createdAt: Date;
}

const columns = {
  id: comments.id,
  taskId: comments.taskId,
  authorId: comments.authorId,
  body: comments.body,
  createdAt: comments.createdAt,
};

@Injectable()
export class CommentsRepository {
  constructor(@Inject(DB) private readonly db: Db) {}

  async insert(comment: Omit<CommentRow, 'createdAt'>, tx: Db): Promise<CommentRow> {
    const [row] = await tx.insert(comments).values(comment).returning(columns);
    return row!;
  }

  /**
   * Oldest first, as a conversation reads, after `after` (keyset), `limit` rows: new comments land
   * on the last page, so paging on while people write never repeats or skips one.
   */
  async list(taskId: string, limit: number, after: KeysetPosition | undefined): Promise<CommentRow[]> {
    return this.db
      .select(columns)
      .from(comments)
      .where(and(eq(comments.taskId, taskId), newerThan(comments.createdAt, comments.id, after)))
      .orderBy(asc(comments.createdAt), asc(comments.id))
      .limit(limit);
  }
}
