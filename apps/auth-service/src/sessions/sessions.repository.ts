import { DB, type Db } from '@msp/platform';
import { Inject, Injectable } from '@nestjs/common';
import { and, desc, eq, gt, isNull, ne } from 'drizzle-orm';
import { refreshTokens, sessions } from '../db/schema.js';

export interface RefreshTokenLookup {
  sessionId: string;
  accountId: string;
  replacedAt: Date | null;
  sessionRevokedAt: Date | null;
  sessionExpiresAt: Date;
}

@Injectable()
export class SessionsRepository {
  constructor(@Inject(DB) private readonly db: Db) {}

  async create(session: typeof sessions.$inferInsert, refreshTokenHash: string, tx: Db = this.db): Promise<void> {
    await tx.insert(sessions).values(session);
    await tx.insert(refreshTokens).values({ tokenHash: refreshTokenHash, sessionId: session.id });
  }

  async findByRefreshToken(tokenHash: string, tx: Db = this.db): Promise<RefreshTokenLookup | undefined> {
    const rows = await tx
      .select({
        sessionId: sessions.id,
        accountId: sessions.accountId,
        replacedAt: refreshTokens.replacedAt,
        sessionRevokedAt: sessions.revokedAt,
        sessionExpiresAt: sessions.expiresAt,
      })
      .from(refreshTokens)
      .innerJoin(sessions, eq(sessions.id, refreshTokens.sessionId))
      .where(eq(refreshTokens.tokenHash, tokenHash))
      .limit(1);
    return rows[0];
  }

  /** Replaces the current refresh token; false when it was already replaced (a concurrent rotation). */
  async rotate(sessionId: string, oldHash: string, newHash: string, now: Date, tx: Db = this.db): Promise<boolean> {
    const replaced = await tx
      .update(refreshTokens)
      .set({ replacedAt: now })
      .where(and(eq(refreshTokens.tokenHash, oldHash), isNull(refreshTokens.replacedAt)))
      .returning({ tokenHash: refreshTokens.tokenHash });
    if (replaced.length === 0) return false;
    await tx.insert(refreshTokens).values({ tokenHash: newHash, sessionId });
    await tx.update(sessions).set({ lastUsedAt: now }).where(eq(sessions.id, sessionId));
    return true;
  }

  async revoke(sessionId: string, now: Date, tx: Db = this.db): Promise<void> {
    await tx
      .update(sessions)
      .set({ revokedAt: now })
      .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt)));
  }

  /** Another valid token for the session (two tabs refreshing at once both keep working). */
  async addSibling(sessionId: string, newHash: string, now: Date, tx: Db = this.db): Promise<void> {
    await tx.insert(refreshTokens).values({ tokenHash: newHash, sessionId });
    await tx.update(sessions).set({ lastUsedAt: now }).where(eq(sessions.id, sessionId));
  }

  /** Ends every live session of an account (but `except`) and returns their ids. */
  async revokeAllOf(accountId: string, now: Date, except: string | undefined, tx: Db = this.db): Promise<string[]> {
    const rows = await tx
      .update(sessions)
      .set({ revokedAt: now })
      .where(and(eq(sessions.accountId, accountId), isNull(sessions.revokedAt), except ? ne(sessions.id, except) : undefined))
      .returning({ id: sessions.id });
    return rows.map((row) => row.id);
  }

  async findLive(sessionId: string, now: Date, tx: Db = this.db): Promise<{ id: string; accountId: string } | undefined> {
    const rows = await tx
      .select({ id: sessions.id, accountId: sessions.accountId })
      .from(sessions)
      .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt), gt(sessions.expiresAt, now)))
      .limit(1);
    return rows[0];
  }

  async listLive(accountId: string, now: Date): Promise<Array<typeof sessions.$inferSelect>> {
    return this.db
      .select()
      .from(sessions)
      .where(and(eq(sessions.accountId, accountId), isNull(sessions.revokedAt), gt(sessions.expiresAt, now)))
      .orderBy(desc(sessions.lastUsedAt));
  }
}
