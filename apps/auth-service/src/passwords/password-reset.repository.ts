import { DB, type Db } from '@msp/platform';
import { Inject, Injectable } from '@nestjs/common';
import { and, eq, gt, isNull } from 'drizzle-orm';
import { passwordResetTokens } from '../db/schema.js';

@Injectable()
export class PasswordResetRepository {
  constructor(@Inject(DB) private readonly db: Db) {}

  async insert(accountId: string, tokenHash: string, expiresAt: Date, tx: Db = this.db): Promise<void> {
    await tx.insert(passwordResetTokens).values({ accountId, tokenHash, expiresAt });
  }

  /** Uses a valid token (unused, unexpired) and returns its account, atomically: a token works once. */
  async consume(tokenHash: string, now: Date, tx: Db = this.db): Promise<string | undefined> {
    const rows = await tx
      .update(passwordResetTokens)
      .set({ usedAt: now })
      .where(and(eq(passwordResetTokens.tokenHash, tokenHash), isNull(passwordResetTokens.usedAt), gt(passwordResetTokens.expiresAt, now)))
      .returning({ accountId: passwordResetTokens.accountId });
    return rows[0]?.accountId;
  }

  /** A successful reset voids the account's other outstanding reset links. */
  async voidOutstanding(accountId: string, now: Date, tx: Db = this.db): Promise<void> {
    await tx
      .update(passwordResetTokens)
      .set({ usedAt: now })
      .where(and(eq(passwordResetTokens.accountId, accountId), isNull(passwordResetTokens.usedAt)));
  }
}
