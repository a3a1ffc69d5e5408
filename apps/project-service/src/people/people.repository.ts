import { DB, type Db } from '@msp/platform';
import { Inject, Injectable } from '@nestjs/common';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { people } from '../db/schema.js';

/** What one event says about a person; a missing field says nothing about it. */
export interface PersonFacts {
  userId: string;
  email?: string | undefined;
  displayName?: string | undefined;
  /** The event's time: decides whether its facts are newer than the stored ones. */
  at: Date;
}

export interface Person {
  userId: string;
  email: string | null;
  displayName: string | null;
}

/** Addresses are compared as people type them in any case: stored trimmed and in lower case. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

@Injectable()
export class PeopleRepository {
  constructor(@Inject(DB) private readonly db: Db) {}

  /**
   * Records what an event says about a person. Events may arrive out of order (retries, replays), so a
   * fact replaces a stored one only when its event is newer, or fills one still missing; a deleted
   * account's tombstone is never brought back.
   */
  async remember(facts: PersonFacts, tx: Db): Promise<void> {
    const newer = sql`${people.updatedAt} < excluded.updated_at`;
    const newerOrMissing = (column: typeof people.email | typeof people.displayName, excluded: string) =>
      sql`case when ${sql.raw(`excluded.${excluded}`)} is not null and (${column} is null or ${newer})
               then ${sql.raw(`excluded.${excluded}`)} else ${column} end`;
    await tx
      .insert(people)
      .values({
        userId: facts.userId,
        email: facts.email === undefined ? null : normalizeEmail(facts.email),
        displayName: facts.displayName ?? null,
        updatedAt: facts.at,
      })
      .onConflictDoUpdate({
        target: people.userId,
        set: {
          email: newerOrMissing(people.email, 'email'),
          displayName: newerOrMissing(people.displayName, 'display_name'),
          updatedAt: sql`greatest(${people.updatedAt}, excluded.updated_at)`,
        },
        setWhere: isNull(people.deletedAt),
      });
  }

  /** The account was deleted: keep only a tombstone, so no later event restores the address or name. */
  async forget(userId: string, at: Date, tx: Db): Promise<void> {
    await tx
      .insert(people)
      .values({ userId, email: null, displayName: null, updatedAt: at, deletedAt: at })
      .onConflictDoUpdate({ target: people.userId, set: { email: null, displayName: null, deletedAt: at } });
  }

  async find(userId: string, tx: Db = this.db): Promise<Person | undefined> {
    const rows = await tx
      .select({ userId: people.userId, email: people.email, displayName: people.displayName })
      .from(people)
      .where(and(eq(people.userId, userId), isNull(people.deletedAt)));
    return rows[0];
  }

  /** The name to show in emails about someone's action; empty when unknown. */
  async displayNameOf(userId: string, tx: Db): Promise<string> {
    return (await this.find(userId, tx))?.displayName ?? '';
  }
}
