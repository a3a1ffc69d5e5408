import { DB, type Db } from '@msp/platform';
import { Inject, Injectable } from '@nestjs/common';
import { and, eq, gt, lt } from 'drizzle-orm';
import { unsubscribeTokens } from '../db/schema.js';
import { hashUnsubscribeToken, newUnsubscribeToken, UNSUBSCRIBE_TOKEN_TTL_MS } from './unsubscribe-token.js';

/** What an unsubscribe token stands for. */
export interface UnsubscribeGrant {
  userId: string;
  category: string;
  /** The address the email went to. */
  email: string;
}

@Injectable()
export class UnsubscribeTokensRepository {
  constructor(@Inject(DB) private readonly db: Db) {}

  /**
   * A new token for one email; only its hash is stored, so the raw token exists only in that email.
   * The user's expired tokens go at the same time: one row per email sent would otherwise pile up.
   */
  async issue(grant: UnsubscribeGrant, now: Date, tx: Db = this.db): Promise<string> {
    const t = unsubscribeTokens;
    await tx.delete(t).where(and(eq(t.userId, grant.userId), lt(t.expiresAt, now)));
    const token = newUnsubscribeToken();
    await tx.insert(t).values({
      tokenHash: hashUnsubscribeToken(token),
      ...grant,
      createdAt: now,
      expiresAt: new Date(now.getTime() + UNSUBSCRIBE_TOKEN_TTL_MS),
    });
    return token;
  }

  /** Every link of the user stops working at once: what deleting their account does. */
  async deleteAllOf(userId: string, tx: Db): Promise<void> {
    await tx.delete(unsubscribeTokens).where(eq(unsubscribeTokens.userId, userId));
  }

  /** What a raw token grants, or undefined when it is unknown or has expired. */
  async findValid(token: string, now: Date, tx: Db = this.db): Promise<UnsubscribeGrant | undefined> {
    const t = unsubscribeTokens;
    const [row] = await tx
      .select({ userId: t.userId, category: t.category, email: t.email })
      .from(t)
      .where(and(eq(t.tokenHash, hashUnsubscribeToken(token)), gt(t.expiresAt, now)))
      .limit(1);
    return row;
  }
}
