import { DB, type Db } from '@msp/platform';
import { Inject, Injectable } from '@nestjs/common';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { recipients } from '../db/schema.js';

/** What one event tells us about the person it concerns. */
export interface RecipientFacts {
  userId: string;
  email: string;
  displayName?: string | undefined;
  locale?: string | undefined;
  /** The event's time: decides whether its facts are newer than the stored ones. */
  at: Date;
}

/** Whom to write to and how: every field is set, with fallbacks where we know nothing better. */
export interface Recipient {
  userId: string;
  email: string;
  displayName: string;
  locale: string;
}

/** What comms holds about a user, as stored (no fallbacks): their data export shows this. */
export interface RecipientRecord {
  email: string;
  displayName: string | null;
  locale: string | null;
  updatedAt: Date;
}

const DEFAULT_LOCALE = 'en';

@Injectable()
export class RecipientsRepository {
  constructor(@Inject(DB) private readonly db: Db) {}

  /**
   * Records what an event says about its recipient and returns what we then know. Events can arrive
   * out of order (retries, replays), so a fact replaces a stored one only when its event is newer; a
   * name or language still missing is filled from any event, because registration is the only source
   * of them today and may arrive after a later sign-in. A deleted account's tombstone is never
   * overwritten: resolves undefined for it, as there is nobody to write to.
   */
  async remember(facts: RecipientFacts, tx: Db = this.db): Promise<Recipient | undefined> {
    const t = recipients;
    const newer = sql`${t.updatedAt} < excluded.updated_at`;
    const newerOrMissing = (column: typeof t.displayName | typeof t.locale, excluded: string) =>
      sql`case when ${sql.raw(`excluded.${excluded}`)} is not null and (${column} is null or ${newer})
               then ${sql.raw(`excluded.${excluded}`)} else ${column} end`;
    const [row] = await tx
      .insert(t)
      .values({
        userId: facts.userId,
        email: facts.email,
        displayName: facts.displayName ?? null,
        locale: facts.locale ?? null,
        updatedAt: facts.at,
      })
      .onConflictDoUpdate({
        target: t.userId,
        set: {
          email: sql`case when ${newer} then excluded.email else ${t.email} end`,
          displayName: newerOrMissing(t.displayName, 'display_name'),
          locale: newerOrMissing(t.locale, 'locale'),
          updatedAt: sql`greatest(${t.updatedAt}, excluded.updated_at)`,
        },
        setWhere: isNull(t.deletedAt),
      })
      .returning();
    return live(row);
  }

  /**
   * The user as comms knows them from events; undefined when no event about them has arrived yet, or
   * when their account was deleted.
   */
  async findById(userId: string, tx: Db = this.db): Promise<Recipient | undefined> {
    const [row] = await tx.select().from(recipients).where(eq(recipients.userId, userId)).limit(1);
    return live(row);
  }

  /** The stored facts about a live user, without fallbacks; undefined as for `findById`. */
  async findRecord(userId: string, tx: Db = this.db): Promise<RecipientRecord | undefined> {
    const t = recipients;
    const [row] = await tx
      .select({ email: t.email, displayName: t.displayName, locale: t.locale, updatedAt: t.updatedAt })
      .from(t)
      .where(and(eq(t.userId, userId), isNull(t.deletedAt)))
      .limit(1);
    return row?.email ? { ...row, email: row.email } : undefined;
  }

  /**
   * Whether the user's account was deleted. Locks their row (FOR SHARE) until the transaction ends:
   * a deletion in flight is waited for, so nothing is written for a user it is removing. (A user comms
   * never had a row for has nothing to lock; their deletion then races only with this one event.)
   */
  async isDeleted(userId: string, tx: Db): Promise<boolean> {
    const t = recipients;
    const [row] = await tx.select({ deletedAt: t.deletedAt }).from(t).where(eq(t.userId, userId)).limit(1).for('share');
    return row?.deletedAt != null;
  }

  /**
   * The account was deleted: only a tombstone stays, with no address, name or language, so no later
   * event (a retry, a replay, the user service's anonymised profile) brings them back. Resolves the
   * address comms knew them by until then, if any. Deleting again keeps the first deletion's time.
   */
  async forget(userId: string, at: Date, tx: Db): Promise<string | undefined> {
    const t = recipients;
    const [known] = await tx.select({ email: t.email }).from(t).where(eq(t.userId, userId)).limit(1).for('update');
    await tx
      .insert(t)
      .values({ userId, email: null, displayName: null, locale: null, updatedAt: at, deletedAt: at })
      .onConflictDoUpdate({
        target: t.userId,
        set: {
          email: null,
          displayName: null,
          locale: null,
          updatedAt: sql`greatest(${t.updatedAt}, excluded.updated_at)`,
          deletedAt: sql`coalesce(${t.deletedAt}, excluded.deleted_at)`,
        },
      });
    return known?.email ?? undefined;
  }

  /**
   * The person who has an account at this address, if comms has heard of one: for mail that is sent to
   * an address rather than to a user (an invitation). Addresses compare case-insensitively; should two
   * records share one (an address that moved from one account to another), the newest wins.
   */
  async findByEmail(email: string, tx: Db = this.db): Promise<Recipient | undefined> {
    const t = recipients;
    const [row] = await tx
      .select()
      .from(t)
      .where(and(sql`lower(${t.email}) = lower(${email})`, isNull(t.deletedAt)))
      .orderBy(desc(t.updatedAt))
      .limit(1);
    return live(row);
  }
}

/**
 * A live recipient with every field set (a tombstone is nobody). A greeting needs a name: the part of
 * the address before the @ is the one every user recognises.
 */
function live(row: typeof recipients.$inferSelect | undefined): Recipient | undefined {
  if (!row?.email || row.deletedAt) return undefined;
  const displayName = row.displayName?.trim() || row.email.split('@')[0] || row.email;
  return { userId: row.userId, email: row.email, displayName, locale: row.locale ?? DEFAULT_LOCALE };
}
