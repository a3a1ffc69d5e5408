import { DB, type Db } from '@msp/platform';
import { Inject, Injectable } from '@nestjs/common';
import { eq, sql } from 'drizzle-orm';
import { emailPreferences } from '../db/schema.js';

/** Comms' copy of each user's email switches: the user service owns them, unsubscribes act here at once. */
@Injectable()
export class EmailPreferencesRepository {
  constructor(@Inject(DB) private readonly db: Db) {}

  /**
   * Replaces the user's switches with those of a `user.preferences.updated.v1` event, unless a newer
   * choice is already applied: events arrive out of order, and an unsubscribe (applied here at once)
   * must not be undone by an older preferences event still on its way.
   */
  async replace(userId: string, email: Record<string, boolean>, at: Date, tx: Db = this.db): Promise<void> {
    const t = emailPreferences;
    await tx
      .insert(t)
      .values({ userId, email, updatedAt: at })
      .onConflictDoUpdate({
        target: t.userId,
        set: { email: sql`excluded.email`, updatedAt: sql`excluded.updated_at` },
        setWhere: sql`${t.updatedAt} < excluded.updated_at`,
      });
  }

  /** Turns one category off, keeping the others: what an unsubscribe link does. */
  async turnOff(userId: string, category: string, at: Date, tx: Db = this.db): Promise<void> {
    const t = emailPreferences;
    await tx
      .insert(t)
      .values({ userId, email: { [category]: false }, updatedAt: at })
      .onConflictDoUpdate({
        target: t.userId,
        set: {
          email: sql`${t.email} || jsonb_build_object(${category}::text, false)`,
          updatedAt: sql`greatest(${t.updatedAt}, excluded.updated_at)`,
        },
      });
  }

  /** The stored switches and when they were last chosen; undefined when the user never chose (all on). */
  async find(userId: string, tx: Db = this.db): Promise<{ email: Record<string, boolean>; updatedAt: Date } | undefined> {
    const t = emailPreferences;
    const [row] = await tx.select({ email: t.email, updatedAt: t.updatedAt }).from(t).where(eq(t.userId, userId)).limit(1);
    return row;
  }

  async deleteOf(userId: string, tx: Db): Promise<void> {
    await tx.delete(emailPreferences).where(eq(emailPreferences.userId, userId));
  }

  /** Whether the user gets emails of this category: on unless they turned it off. */
  async isOn(userId: string, category: string, tx: Db = this.db): Promise<boolean> {
    const [row] = await tx
      .select({ enabled: sql<boolean | null>`(${emailPreferences.email} ->> ${category}::text)::boolean` })
      .from(emailPreferences)
      .where(eq(emailPreferences.userId, userId))
      .limit(1);
    return row?.enabled !== false;
  }
}
