import { DB, type Db } from '@msp/platform';
import { Inject, Injectable } from '@nestjs/common';
import { desc, eq, sql } from 'drizzle-orm';
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

const DEFAULT_LOCALE = 'en';

@Injectable()
export class RecipientsRepository {
  constructor(@Inject(DB) private readonly db: Db) {}

  /**
   * Records what an event says about its recipient and returns what we then know. Events can arrive
   * out of order (retries, replays), so a fact replaces a stored one only when its event is newer; a
   * name or language still missing is filled from any event, because registration is the only source
   * of them today and may arrive after a later sign-in.
   */
  async remember(facts: RecipientFacts, tx: Db = this.db): Promise<Recipient> {
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
      })
      .returning();
    if (!row) throw new Error(`recipient ${facts.userId} was neither inserted nor updated`);
    return withFallbacks(row);
  }

  /** The user as comms knows them from events, or undefined when no event about them has arrived yet. */
  async findById(userId: string, tx: Db = this.db): Promise<Recipient | undefined> {
    const [row] = await tx.select().from(recipients).where(eq(recipients.userId, userId)).limit(1);
    return row ? withFallbacks(row) : undefined;
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
      .where(sql`lower(${t.email}) = lower(${email})`)
      .orderBy(desc(t.updatedAt))
      .limit(1);
    return row ? withFallbacks(row) : undefined;
  }
}

/** A greeting needs a name: the part of the address before the @ is the one every user recognises. */
function withFallbacks(row: { userId: string; email: string; displayName: string | null; locale: string | null }): Recipient {
  const displayName = row.displayName?.trim() || row.email.split('@')[0] || row.email;
  return { userId: row.userId, email: row.email, displayName, locale: row.locale ?? DEFAULT_LOCALE };
}
