import { DB, type Db, type KeysetPosition } from '@msp/platform';
import { Inject, Injectable } from '@nestjs/common';
import { and, count, desc, eq, isNull, lt, or, sql } from 'drizzle-orm';
import { notifications } from '../db/schema.js';

export type NewNotification = Pick<typeof notifications.$inferInsert, 'id' | 'userId' | 'eventId' | 'type' | 'title' | 'body' | 'link'>;

const listColumns = {
  id: notifications.id,
  type: notifications.type,
  title: notifications.title,
  body: notifications.body,
  link: notifications.link,
  readAt: notifications.readAt,
  createdAt: notifications.createdAt,
};
export type NotificationEntry = { [K in keyof typeof listColumns]: (typeof notifications.$inferSelect)[K] };

@Injectable()
export class NotificationsRepository {
  constructor(@Inject(DB) private readonly db: Db) {}

  async insert(notification: NewNotification, tx: Db = this.db): Promise<void> {
    // The unique (event, user) index makes a second insert for one event a no-op, like the inbox.
    await tx.insert(notifications).values(notification).onConflictDoNothing();
  }

  /** One user's notifications, newest first, after a keyset position. */
  async listOwn(userId: string, limit: number, after: KeysetPosition | undefined, unreadOnly: boolean): Promise<NotificationEntry[]> {
    const t = notifications;
    const afterCondition = after
      ? or(lt(t.createdAt, new Date(after.at)), and(eq(t.createdAt, new Date(after.at)), lt(t.id, after.id)))
      : undefined;
    return this.db
      .select(listColumns)
      .from(t)
      .where(and(eq(t.userId, userId), unreadOnly ? isNull(t.readAt) : undefined, afterCondition))
      .orderBy(desc(t.createdAt), desc(t.id))
      .limit(limit);
  }

  /** One user's newest notifications, newest first: the bounded list of their data export. */
  async newestOf(userId: string, limit: number): Promise<NotificationEntry[]> {
    const t = notifications;
    return this.db.select(listColumns).from(t).where(eq(t.userId, userId)).orderBy(desc(t.createdAt), desc(t.id)).limit(limit);
  }

  async deleteAllOf(userId: string, tx: Db): Promise<void> {
    await tx.delete(notifications).where(eq(notifications.userId, userId));
  }

  async countUnread(userId: string): Promise<number> {
    const [row] = await this.db
      .select({ unread: count() })
      .from(notifications)
      .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
    return row?.unread ?? 0;
  }

  /**
   * Marks a notification read when it belongs to the user; reading it again keeps the first time.
   * Resolves false when the user has no such notification (someone else's included).
   */
  async markRead(id: string, userId: string, at: Date): Promise<boolean> {
    const t = notifications;
    const rows = await this.db
      .update(t)
      .set({ readAt: sql`coalesce(${t.readAt}, ${at.toISOString()}::timestamptz)` })
      .where(and(eq(t.id, id), eq(t.userId, userId)))
      .returning({ id: t.id });
    return rows.length > 0;
  }
}
