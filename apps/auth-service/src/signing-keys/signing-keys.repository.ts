import { DB, type Db } from '@msp/platform';
import { Inject, Injectable } from '@nestjs/common';
import { and, desc, gt, isNull, ne, or } from 'drizzle-orm';
import { signingKeys } from '../db/schema.js';

export type SigningKeyRow = typeof signingKeys.$inferSelect;

@Injectable()
export class SigningKeysRepository {
  constructor(@Inject(DB) private readonly db: Db) {}

  /** The newest key that is not retired: the one new tokens are signed with. */
  async findActive(): Promise<SigningKeyRow | undefined> {
    const rows = await this.db
      .select()
      .from(signingKeys)
      .where(isNull(signingKeys.retiredAt))
      .orderBy(desc(signingKeys.createdAt))
      .limit(1);
    return rows[0];
  }

  /** Keys whose tokens may still be alive: active ones and those retired after `retiredAfter`. */
  async findPublishable(retiredAfter: Date): Promise<SigningKeyRow[]> {
    return this.db
      .select()
      .from(signingKeys)
      .where(or(isNull(signingKeys.retiredAt), gt(signingKeys.retiredAt, retiredAfter)))
      .orderBy(desc(signingKeys.createdAt));
  }

  /** Older keys stop signing; they stay published (findPublishable) until their tokens expired. */
  async retireAllExcept(kid: string, now: Date): Promise<void> {
    await this.db
      .update(signingKeys)
      .set({ retiredAt: now })
      .where(and(ne(signingKeys.kid, kid), isNull(signingKeys.retiredAt)));
  }

  async insert(key: typeof signingKeys.$inferInsert): Promise<void> {
    await this.db.insert(signingKeys).values(key).onConflictDoNothing();
  }
}
