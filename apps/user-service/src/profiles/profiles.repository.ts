import { DB, type Db } from '@msp/platform';
import { Inject, Injectable } from '@nestjs/common';
import { eq } from 'drizzle-orm';
import { profiles } from '../db/schema.js';

export type ProfileRow = typeof profiles.$inferSelect;

const columns = {
  userId: profiles.userId,
  email: profiles.email,
  displayName: profiles.displayName,
  locale: profiles.locale,
  timezone: profiles.timezone,
  avatarUrl: profiles.avatarUrl,
  createdAt: profiles.createdAt,
  updatedAt: profiles.updatedAt,
};

@Injectable()
export class ProfilesRepository {
  constructor(@Inject(DB) private readonly db: Db) {}

  async findById(userId: string, tx: Db = this.db): Promise<ProfileRow | undefined> {
    const rows = await tx.select(columns).from(profiles).where(eq(profiles.userId, userId)).limit(1);
    return rows[0];
  }

  /** Inserts, or keeps the existing row: creating a profile is idempotent by user id. */
  async insertIfAbsent(profile: typeof profiles.$inferInsert, tx: Db = this.db): Promise<void> {
    await tx.insert(profiles).values(profile).onConflictDoNothing({ target: profiles.userId });
  }

  async delete(userId: string, tx: Db = this.db): Promise<void> {
    await tx.delete(profiles).where(eq(profiles.userId, userId));
  }
}
