import { DB, type Db } from '@msp/platform';
import { Inject, Injectable } from '@nestjs/common';
import { and, eq, gt, isNull } from 'drizzle-orm';
import { accounts, emailVerificationTokens } from '../db/schema.js';

export type AccountRow = typeof accounts.$inferSelect;
export type NewAccount = typeof accounts.$inferInsert;

const columns = {
  id: accounts.id,
  email: accounts.email,
  passwordHash: accounts.passwordHash,
  roles: accounts.roles,
  status: accounts.status,
  emailVerifiedAt: accounts.emailVerifiedAt,
  mfaEnabled: accounts.mfaEnabled,
  createdAt: accounts.createdAt,
  updatedAt: accounts.updatedAt,
};

@Injectable()
export class AccountsRepository {
  constructor(@Inject(DB) private readonly db: Db) {}

  async findByEmail(email: string, tx: Db = this.db): Promise<AccountRow | undefined> {
    const rows = await tx.select(columns).from(accounts).where(eq(accounts.email, email)).limit(1);
    return rows[0];
  }

  async findById(id: string, tx: Db = this.db): Promise<AccountRow | undefined> {
    const rows = await tx.select(columns).from(accounts).where(eq(accounts.id, id)).limit(1);
    return rows[0];
  }

  /** Inserts unless the email is taken; resolves false on a conflict instead of throwing. */
  async insert(account: NewAccount, tx: Db = this.db): Promise<boolean> {
    const rows = await tx.insert(accounts).values(account).onConflictDoNothing({ target: accounts.email }).returning({ id: accounts.id });
    return rows.length === 1;
  }

  async updatePasswordHash(id: string, passwordHash: string, tx: Db = this.db): Promise<void> {
    await tx.update(accounts).set({ passwordHash, updatedAt: new Date() }).where(eq(accounts.id, id));
  }

  async update(
    id: string,
    changes: Partial<Pick<AccountRow, 'status' | 'roles' | 'mfaEnabled' | 'passwordHash'>>,
    tx: Db = this.db,
  ): Promise<AccountRow | undefined> {
    const rows = await tx
      .update(accounts)
      .set({ ...changes, updatedAt: new Date() })
      .where(eq(accounts.id, id))
      .returning(columns);
    return rows[0];
  }

  async markEmailVerified(id: string, at: Date, tx: Db = this.db): Promise<void> {
    await tx.update(accounts).set({ emailVerifiedAt: at, updatedAt: at }).where(eq(accounts.id, id));
  }

  async insertVerificationToken(accountId: string, tokenHash: string, expiresAt: Date, tx: Db = this.db): Promise<void> {
    await tx.insert(emailVerificationTokens).values({ accountId, tokenHash, expiresAt });
  }

  /** Marks a valid (unused, unexpired) token used and returns its account id, atomically. */
  async consumeVerificationToken(tokenHash: string, now: Date, tx: Db = this.db): Promise<string | undefined> {
    const rows = await tx
      .update(emailVerificationTokens)
      .set({ usedAt: now })
      .where(
        and(
          eq(emailVerificationTokens.tokenHash, tokenHash),
          isNull(emailVerificationTokens.usedAt),
          gt(emailVerificationTokens.expiresAt, now),
        ),
      )
      .returning({ accountId: emailVerificationTokens.accountId });
    return rows[0]?.accountId;
  }

  /** Removes the account; its tokens, sessions, factors and codes go with it (foreign keys cascade). */
  async delete(id: string, tx: Db = this.db): Promise<void> {
    await tx.delete(accounts).where(eq(accounts.id, id));
  }
}
