import { currentTraceparent, DB, queryRows, type Db, type KeysetPosition } from '@msp/platform';
import { Inject, Injectable } from '@nestjs/common';
import { and, desc, eq, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { emailDeliveries } from '../db/schema.js';

export type DeliveryRow = typeof emailDeliveries.$inferSelect;
export type NewDelivery = Pick<
  typeof emailDeliveries.$inferInsert,
  'id' | 'eventId' | 'resentFrom' | 'userId' | 'toAddress' | 'template' | 'locale' | 'subject' | 'textBody' | 'htmlBody' | 'unsubscribeUrl'
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

/** A delivery as its recipient's data export shows it: no bodies, which carry one-time tokens. */
const exportColumns = { ...logColumns, locale: emailDeliveries.locale, subject: emailDeliveries.subject };
export type ExportedDelivery = { [K in keyof typeof exportColumns]: DeliveryRow[K] };

/** What the log says of a queued delivery that will never go, because its account was deleted. */
export const ACCOUNT_DELETED_ERROR = 'account deleted';

@Injectable()
export class DeliveriesRepository {
  constructor(@Inject(DB) private readonly db: Db) {}

  /**
   * Queues a delivery; resolves to its entry in the log. The trace of the work queueing it (an event's
   * consumer, an administrator's resend) is kept with it: the dispatcher sends later, outside that work.
   */
  async insert(delivery: NewDelivery, tx: Db = this.db): Promise<DeliveryLogEntry> {
    const traceparent = currentTraceparent() ?? null;
    const [entry] = await tx
      .insert(emailDeliveries)
      .values({ ...delivery, traceparent })
      .returning(logColumns);
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
    // Still queued: a deletion of its account may have cancelled (and blanked) it since the claim.
    return this.db
      .select()
      .from(t)
      .where(and(sql`${t.id} in ${ids}`, eq(t.status, 'queued')));
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

  /** The newest deliveries to one user (see `sentTo`), newest first. */
  async newestTo(userId: string, addresses: string[], limit: number): Promise<ExportedDelivery[]> {
    const t = emailDeliveries;
    return this.db.select(exportColumns).from(t).where(sentTo(userId, addresses)).orderBy(desc(t.createdAt), desc(t.id)).limit(limit);
  }

  /**
   * Removes a deleted account's personal data from the log, keeping that the emails existed: each
   * delivery to them goes to `anonymousAddress` with no subject, bodies or unsubscribe link, and the
   * address disappears from its SMTP error as well. Deliveries still queued are cancelled (failed,
   * `account deleted`); one a dispatcher is sending right now may still be recorded as sent.
   */
  async anonymiseTo(userId: string, addresses: string[], anonymousAddress: string, tx: Db): Promise<void> {
    const t = emailDeliveries;
    const mentioned = addresses.map(escapeRegExp).join('|');
    const lastError = mentioned ? sql`regexp_replace(${t.lastError}, ${mentioned}, ${anonymousAddress}, 'gi')` : sql`${t.lastError}`;
    await tx
      .update(t)
      .set({
        toAddress: anonymousAddress,
        subject: '',
        textBody: '',
        htmlBody: '',
        unsubscribeUrl: null,
        // The right-hand sides read the row as it was before this update.
        status: sql`case when ${t.status} = 'queued' then 'failed' else ${t.status} end`,
        lastError: sql`case when ${t.status} = 'queued' then ${ACCOUNT_DELETED_ERROR} else ${lastError} end`,
        claimedUntil: null,
      })
      .where(sentTo(userId, addresses));
  }
}

/**
 * The deliveries to a user: those written to their account, and those the log cannot tie to an
 * account (mail to an address, deliveries logged before accounts were recorded) sent to one of
 * their addresses. Addresses compare case-insensitively.
 */
function sentTo(userId: string, addresses: string[]): SQL {
  const t = emailDeliveries;
  const lowered = [...new Set(addresses.map((address) => address.toLowerCase()))];
  const byAddress = lowered.length > 0 ? and(isNull(t.userId), inArray(sql`lower(${t.toAddress})`, lowered)) : undefined;
  return or(eq(t.userId, userId), byAddress)!;
}

/** An address as a literal in a PostgreSQL regular expression. */
function escapeRegExp(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
}
