import { DB, type Db } from '@msp/platform';
import { Inject, Injectable } from '@nestjs/common';
import { eq, sql } from 'drizzle-orm';
import { profiles } from '../db/schema.js';
import type { ProfileChanges } from './profile.rules.js';

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

/** What is left of a profile once its account was deleted: nothing that identifies the person. */
export const ANONYMOUS_DISPLAY_NAME = 'Deleted user';
export const anonymousEmailOf = (userId: string) => `deleted-${userId}@deleted.invalid`;

@Injectable()
export class ProfilesRepository {
  constructor(@Inject(DB) private readonly db: Db) {}

  async findById(userId: string, tx: Db = this.db): Promise<ProfileRow | undefined> {
    const rows = await tx.select(columns).from(profiles).where(eq(profiles.userId, userId)).limit(1);
    return rows[0];
  }

  /**
   * Reads the profile and locks its row until the transaction ends. A change takes this lock first,
   * so it cannot interleave with an account deletion that anonymises the same row: whichever comes
   * second sees the other's result (and a change after the deletion is refused).
   */
  async findByIdForUpdate(userId: string, tx: Db): Promise<ProfileRow | undefined> {
    const rows = await tx.select(columns).from(profiles).where(eq(profiles.userId, userId)).limit(1).for('update');
    return rows[0];
  }

  /** Inserts, or keeps the existing row: creating a profile is idempotent by user id. */
  async insertIfAbsent(profile: typeof profiles.$inferInsert, tx: Db = this.db): Promise<void> {
    await tx.insert(profiles).values(profile).onConflictDoNothing({ target: profiles.userId });
  }

  async update(userId: string, changes: ProfileChanges, tx: Db = this.db): Promise<ProfileRow | undefined> {
    const rows = await tx
      .update(profiles)
      .set({ ...changes, updatedAt: sql`now()` })
      .where(eq(profiles.userId, userId))
      .returning(columns);
    return rows[0];
  }

  /** Replaces everything personal; locale and time zone go back to the defaults as well. */
  async anonymise(userId: string, tx: Db = this.db): Promise<ProfileRow | undefined> {
    const rows = await tx
      .update(profiles)
      .set({
        email: anonymousEmailOf(userId),
        displayName: ANONYMOUS_DISPLAY_NAME,
        avatarUrl: null,
        locale: 'en',
        timezone: 'UTC',
        updatedAt: sql`now()`,
      })
      .where(eq(profiles.userId, userId))
      .returning(columns);
    return rows[0];
  }

  async delete(userId: string, tx: Db = this.db): Promise<void> {
    await tx.delete(profiles).where(eq(profiles.userId, userId));
  }
}
