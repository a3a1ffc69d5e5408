import { DB, type Db } from '@msp/platform';
import { Inject, Injectable } from '@nestjs/common';
import { eq, sql } from 'drizzle-orm';
import { notificationPreferences } from '../db/schema.js';

@Injectable()
export class PreferencesRepository {
  constructor(@Inject(DB) private readonly db: Db) {}

  /** What the user saved last, or undefined when they never saved. */
  async find(userId: string, tx: Db = this.db): Promise<Record<string, boolean> | undefined> {
    const rows = await tx
      .select({ email: notificationPreferences.email })
      .from(notificationPreferences)
      .where(eq(notificationPreferences.userId, userId))
      .limit(1);
    return rows[0]?.email;
  }

  async save(userId: string, email: Record<string, boolean>, tx: Db = this.db): Promise<void> {
    await tx
      .insert(notificationPreferences)
      .values({ userId, email })
      .onConflictDoUpdate({ target: notificationPreferences.userId, set: { email, updatedAt: sql`now()` } });
  }

  async delete(userId: string, tx: Db = this.db): Promise<void> {
    await tx.delete(notificationPreferences).where(eq(notificationPreferences.userId, userId));
  }
}
