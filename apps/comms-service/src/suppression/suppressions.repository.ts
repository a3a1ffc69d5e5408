import { DB, type Db } from '@msp/platform';
import { Inject, Injectable } from '@nestjs/common';
import { and, eq, lt, sql } from 'drizzle-orm';
import { suppressedAddresses } from '../db/schema.js';

export type Suppression = typeof suppressedAddresses.$inferSelect;

export interface NewSuppression {
  address: string;
  /** The SMTP reply that bounced. */
  reason: string;
  deliveryId: string;
  at: Date;
}

/** The addresses that hard-bounced; keyed lower-case, as addresses compare case-insensitively. */
@Injectable()
export class SuppressionsRepository {
  constructor(@Inject(DB) private readonly db: Db) {}

  /** Suppresses the address, or records the newer bounce of an address already suppressed. */
  async suppress(bounce: NewSuppression, tx: Db = this.db): Promise<void> {
    const t = suppressedAddresses;
    await tx
      .insert(t)
      .values({ address: bounce.address.toLowerCase(), reason: bounce.reason, deliveryId: bounce.deliveryId, suppressedAt: bounce.at })
      .onConflictDoUpdate({
        target: t.address,
        set: { reason: sql`excluded.reason`, deliveryId: sql`excluded.delivery_id`, suppressedAt: sql`excluded.suppressed_at` },
        setWhere: sql`${t.suppressedAt} <= excluded.suppressed_at`,
      });
  }

  async find(address: string, tx: Db = this.db): Promise<Suppression | undefined> {
    const [row] = await tx.select().from(suppressedAddresses).where(eq(suppressedAddresses.address, address.toLowerCase())).limit(1);
    return row;
  }

  /**
   * Lifts the suppression of an address its owner proved they receive mail at. A verification older
   * than the bounce (an event that arrived late) proves nothing about the mailbox since, so it lifts
   * nothing. Resolves true when a suppression was lifted.
   */
  async lift(address: string, verifiedAt: Date, tx: Db = this.db): Promise<boolean> {
    const t = suppressedAddresses;
    const lifted = await tx
      .delete(t)
      .where(and(eq(t.address, address.toLowerCase()), lt(t.suppressedAt, verifiedAt)))
      .returning({ address: t.address });
    return lifted.length > 0;
  }
}
