import { DB, queryRows, type Db, type KeysetPosition } from '@msp/platform';
import { Inject, Injectable } from '@nestjs/common';
import { and, desc, eq, lt, or, sql } from 'drizzle-orm';
import { emailDeliveries } from '../db/schema.js';

export type DeliveryRow = typeof emailDeliveries.$inferSelect;
export type NewDelivery = Pick<
  typeof emailDeliveries.$inferInsert,
  'id' | 'eventId' | 'resentFrom' | 'toAddress' | 'template' | 'locale' | 'subject' | 'textBody' | 'htmlBody' | 'unsubscribeUrl'
>;

const logColumns = {
  id: emailDeliveries.id,
  toAddress: emailDeliveries.toAddress,
  template: emailDeliveries.template,
  status: emailDeliveries.status,
  attempts: emailDeliveries.attempts,
  lastError: emailDeliveries.lastError,
  createdAt: emailDeliveries.createdAt,
  sentAt: emailDeliveries.sentAt,
};
export type DeliveryLogEntry = { [K in keyof typeof logColumns]: DeliveryRow[K] };

@Injectable()
export class DeliveriesRepository {
  constructor(@Inject(DB) private readonly db: Db) {}

  /** Queues a delivery; resolves to its entry in the log. */
  async insert(delivery: NewDelivery, tx: Db = this.db): Promise<DeliveryLogEntry> {
    const [entry] = await tx.insert(emailDeliveries).values(delivery).returning(logColumns);
    if (!entry) throw new Error(`delivery ${delivery.id} was not inserted`);
    return entry;
  }

  /**
   * Claims due deliveries for `leaseMs` (SKIP LOCKED, so replicas never take the same one); a
   * dispatcher that dies releases them when the lease runs out.
   */
  async claimDue(limit: number, leaseMs: number): Promise<DeliveryRow[]> {
    const t = emailDeliveries;
    const rows = await queryRows<Record<string, unknown>>(
      this.db,
      sql`update ${t} set claimed_until = now() + ${`${leaseMs} milliseconds`}::interval
          where ${t.id} in (
            select ${t.id} from ${t}
            where ${t.status} = 'queued' and ${t.nextAttemptAt} <= now()
              and (${t.claimedUntil} is null or ${t.claimedUntil} < now())
            order by ${t.nextAttemptAt} limit ${limit} for update skip locked)
          returning id`,
    );
    if (rows.length === 0) return [];
    const ids = rows.map((row) => String(row.id));
    return this.db
      .select()
      .from(t)
      .where(sql`${t.id} in ${ids}`);
  }

  async findById(id: string, tx: Db = this.db): Promise<DeliveryRow | undefined> {
    const [row] = await tx.select().from(emailDeliveries).where(eq(emailDeliveries.id, id)).limit(1);
    return row;
  }

  async markSent(id: string, attempts: number): Promise<void> {
    await this.db
      .update(emailDeliveries)
      .set({ status: 'sent', attempts, sentAt: new Date(), lastError: null, claimedUntil: null })
      .where(eq(emailDeliveries.id, id));
  }

  async markRetry(id: string, attempts: number, error: string, nextAttemptAt: Date): Promise<void> {
    await this.db
      .update(emailDeliveries)
      .set({ attempts, lastError: error, nextAttemptAt, claimedUntil: null })
      .where(eq(emailDeliveries.id, id));
  }

  async markFailed(id: string, attempts: number, error: string, tx: Db = this.db): Promise<void> {
    await tx
      .update(emailDeliveries)
      .set({ status: 'failed', attempts, lastError: error, claimedUntil: null })
      .where(eq(emailDeliveries.id, id));
  }

  async list(limit: number, after: KeysetPosition | undefined): Promise<DeliveryLogEntry[]> {
    const t = emailDeliveries;
    const afterCondition = after
      ? or(lt(t.createdAt, new Date(after.at)), and(eq(t.createdAt, new Date(after.at)), lt(t.id, after.id)))
      : undefined;
    return this.db.select(logColumns).from(t).where(afterCondition).orderBy(desc(t.createdAt), desc(t.id)).limit(limit);
  }
}
