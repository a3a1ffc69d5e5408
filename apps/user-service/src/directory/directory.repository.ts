import { DB, type Db, type KeysetPosition } from '@msp/platform';
import { Inject, Injectable } from '@nestjs/common';
import { and, arrayContains, desc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import { directory, profiles } from '../db/schema.js';

export const ACCOUNT_STATUSES = ['active', 'suspended', 'deleted'] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];
export const ACCOUNT_ROLES = ['customer', 'admin'] as const;

/** What one auth event says about an account, stamped with the event's time. */
export interface AccountFacts {
  userId: string;
  at: Date;
  status?: AccountStatus;
  roles?: string[];
  emailVerified?: true;
}

export interface DirectoryFilter {
  /** Case-insensitive substring of the email address or display name. */
  q?: string;
  status?: AccountStatus;
  role?: string;
}

const summaryColumns = {
  id: directory.userId,
  email: profiles.email,
  displayName: profiles.displayName,
  roles: directory.roles,
  status: directory.status,
  emailVerified: directory.emailVerified,
  createdAt: directory.createdAt,
};
export type UserSummaryRow = { [K in keyof typeof summaryColumns]: (typeof summaryColumns)[K]['_']['data'] };

@Injectable()
export class DirectoryRepository {
  constructor(@Inject(DB) private readonly db: Db) {}

  /** The row every new account starts with (active, customer, unverified); keeps an existing one. */
  async insertIfAbsent(userId: string, tx: Db = this.db): Promise<void> {
    await tx.insert(directory).values({ userId }).onConflictDoNothing({ target: directory.userId });
  }

  /**
   * Records an event's facts. A fact replaces the stored one only when its event is newer than the
   * event that set it (events can arrive out of order); `deleted` is final whatever the order. The
   * account's creation time is the earliest time anything was heard of it.
   */
  async applyFacts(facts: AccountFacts, tx: Db = this.db): Promise<void> {
    const d = directory;
    const set: Record<string, SQL> = {
      createdAt: sql`least(${d.createdAt}, excluded.created_at)`,
      updatedAt: sql`now()`,
    };
    // A null "changed at" is the default, which any event replaces (null >= x is not true).
    if (facts.status) {
      set.status = sql`case when ${d.status} = 'deleted' then ${d.status}
                            when excluded.status = 'deleted' then excluded.status
                            when ${d.statusChangedAt} >= excluded.status_changed_at then ${d.status}
                            else excluded.status end`;
      set.statusChangedAt = sql`greatest(${d.statusChangedAt}, excluded.status_changed_at)`;
    }
    if (facts.roles) {
      set.roles = sql`case when ${d.rolesChangedAt} >= excluded.roles_changed_at then ${d.roles} else excluded.roles end`;
      set.rolesChangedAt = sql`greatest(${d.rolesChangedAt}, excluded.roles_changed_at)`;
    }
    // Verification cannot be undone, so its order does not matter.
    if (facts.emailVerified) set.emailVerified = sql`true`;
    await tx
      .insert(d)
      .values({
        userId: facts.userId,
        createdAt: facts.at,
        ...(facts.status ? { status: facts.status, statusChangedAt: facts.at } : {}),
        ...(facts.roles ? { roles: facts.roles, rolesChangedAt: facts.at } : {}),
        ...(facts.emailVerified ? { emailVerified: true } : {}),
      })
      .onConflictDoUpdate({ target: d.userId, set });
  }

  async statusOf(userId: string, tx: Db = this.db): Promise<AccountStatus | undefined> {
    const rows = await tx.select({ status: directory.status }).from(directory).where(eq(directory.userId, userId)).limit(1);
    return rows[0]?.status as AccountStatus | undefined;
  }

  /** One user as administrators see them; undefined without both a directory row and a profile. */
  async findSummary(userId: string, tx: Db = this.db): Promise<UserSummaryRow | undefined> {
    const rows = await tx
      .select(summaryColumns)
      .from(directory)
      .innerJoin(profiles, eq(profiles.userId, directory.userId))
      .where(eq(directory.userId, userId))
      .limit(1);
    return rows[0];
  }

  /** A page of users, newest first, after `after` (keyset on created_at desc, user_id desc). */
  async list(filter: DirectoryFilter, limit: number, after: KeysetPosition | undefined): Promise<UserSummaryRow[]> {
    const d = directory;
    const pattern = filter.q ? `%${escapeLike(filter.q)}%` : undefined;
    const where = and(
      filter.status ? eq(d.status, filter.status) : undefined,
      filter.role ? arrayContains(d.roles, [filter.role]) : undefined,
      pattern ? or(ilike(profiles.email, pattern), ilike(profiles.displayName, pattern)) : undefined,
      // A row comparison, so PostgreSQL walks the (created_at, user_id) index from the cursor on.
      after ? sql`(${d.createdAt}, ${d.userId}) < (${after.at}::timestamptz, ${after.id}::uuid)` : undefined,
    );
    return this.db
      .select(summaryColumns)
      .from(d)
      .innerJoin(profiles, eq(profiles.userId, d.userId))
      .where(where)
      .orderBy(desc(d.createdAt), desc(d.userId))
      .limit(limit);
  }

  async delete(userId: string, tx: Db = this.db): Promise<void> {
    await tx.delete(directory).where(eq(directory.userId, userId));
  }
}

/** The search text is matched literally: `%`, `_` and `\` are not wildcards for the admin. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}
