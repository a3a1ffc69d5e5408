import { DB, type Db } from '@msp/platform';
import { Inject, Injectable } from '@nestjs/common';
import { and, eq, gt, isNull, lt, sql } from 'drizzle-orm';
import { mfaChallenges, recoveryCodes, totpFactors } from '../db/schema.js';

export type TotpFactor = typeof totpFactors.$inferSelect;
export type MfaChallenge = typeof mfaChallenges.$inferSelect;

@Injectable()
export class MfaRepository {
  constructor(@Inject(DB) private readonly db: Db) {}

  async findFactor(accountId: string, tx: Db = this.db): Promise<TotpFactor | undefined> {
    const rows = await tx.select().from(totpFactors).where(eq(totpFactors.accountId, accountId)).limit(1);
    return rows[0];
  }

  /** A new, unconfirmed secret replaces any earlier unconfirmed one. */
  async saveUnconfirmedFactor(accountId: string, secret: string): Promise<void> {
    await this.db
      .insert(totpFactors)
      .values({ accountId, secret })
      .onConflictDoUpdate({ target: totpFactors.accountId, set: { secret, confirmedAt: null, lastUsedStep: 0 } });
  }

  async confirmFactor(accountId: string, step: number, now: Date, tx: Db = this.db): Promise<void> {
    await tx.update(totpFactors).set({ confirmedAt: now, lastUsedStep: step }).where(eq(totpFactors.accountId, accountId));
  }

  /** Records the step used, only if it is newer than the last one: a code works once even under races. */
  async useStep(accountId: string, step: number, tx: Db = this.db): Promise<boolean> {
    const rows = await tx
      .update(totpFactors)
      .set({ lastUsedStep: step })
      .where(and(eq(totpFactors.accountId, accountId), lt(totpFactors.lastUsedStep, step)))
      .returning({ accountId: totpFactors.accountId });
    return rows.length === 1;
  }

  async deleteFactor(accountId: string, tx: Db = this.db): Promise<void> {
    await tx.delete(totpFactors).where(eq(totpFactors.accountId, accountId));
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.accountId, accountId));
  }

  async replaceRecoveryCodes(accountId: string, codeHashes: string[], tx: Db = this.db): Promise<void> {
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.accountId, accountId));
    await tx.insert(recoveryCodes).values(codeHashes.map((codeHash) => ({ accountId, codeHash })));
  }

  /** Uses an unused recovery code of the account; false when there is none with this hash. */
  async useRecoveryCode(accountId: string, codeHash: string, now: Date, tx: Db = this.db): Promise<boolean> {
    const rows = await tx
      .update(recoveryCodes)
      .set({ usedAt: now })
      .where(and(eq(recoveryCodes.accountId, accountId), eq(recoveryCodes.codeHash, codeHash), isNull(recoveryCodes.usedAt)))
      .returning({ codeHash: recoveryCodes.codeHash });
    return rows.length === 1;
  }

  async createChallenge(challenge: typeof mfaChallenges.$inferInsert): Promise<void> {
    await this.db.insert(mfaChallenges).values(challenge);
  }

  /** A live challenge, counting this attempt; undefined when unknown, used, expired or over its attempts. */
  async attemptChallenge(tokenHash: string, now: Date, maxAttempts: number): Promise<MfaChallenge | undefined> {
    const rows = await this.db
      .update(mfaChallenges)
      .set({ attempts: sql`${mfaChallenges.attempts} + 1` })
      .where(
        and(
          eq(mfaChallenges.tokenHash, tokenHash),
          isNull(mfaChallenges.usedAt),
          gt(mfaChallenges.expiresAt, now),
          lt(mfaChallenges.attempts, maxAttempts),
        ),
      )
      .returning();
    return rows[0];
  }

  async finishChallenge(tokenHash: string, now: Date, tx: Db = this.db): Promise<boolean> {
    const rows = await tx
      .update(mfaChallenges)
      .set({ usedAt: now })
      .where(and(eq(mfaChallenges.tokenHash, tokenHash), isNull(mfaChallenges.usedAt)))
      .returning({ tokenHash: mfaChallenges.tokenHash });
    return rows.length === 1;
  }
}
