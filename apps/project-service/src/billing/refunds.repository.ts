import { DB, type Db } from '@msp/platform';
import { Inject, Injectable } from '@nestjs/common';
import { and, asc, eq, lt, sql, sum } from 'drizzle-orm';
import { refunds } from '../db/schema.js';

export type RefundStatus = 'pending' | 'succeeded' | 'failed';

export interface RefundRow {
  id: string;
  paymentId: string;
  amount: number;
  status: RefundStatus;
  failureReason: string | null;
  requestedBy: string | null;
  idempotencyKey: string | null;
  requestDigest: string | null;
  gatewayKey: string | null;
  gatewayRefundId: string | null;
  createdAt: Date;
}

export type NewRefund = Pick<RefundRow, 'id' | 'paymentId' | 'amount' | 'requestedBy' | 'idempotencyKey' | 'requestDigest' | 'gatewayKey'>;

const columns = {
  id: refunds.id,
  paymentId: refunds.paymentId,
  amount: refunds.amount,
  status: sql<RefundStatus>`${refunds.status}`,
  failureReason: refunds.failureReason,
  requestedBy: refunds.requestedBy,
  idempotencyKey: refunds.idempotencyKey,
  requestDigest: refunds.requestDigest,
  gatewayKey: refunds.gatewayKey,
  gatewayRefundId: refunds.gatewayRefundId,
  createdAt: refunds.createdAt,
};

/** Refunds; a pending one reserves its amount, so two refunds can never together exceed the payment. */
@Injectable()
export class RefundsRepository {
  constructor(@Inject(DB) private readonly db: Db) {}

  async insert(refund: NewRefund, tx: Db): Promise<RefundRow> {
    const [row] = await tx.insert(refunds).values(refund).returning(columns);
    return row!;
  }

  /** A refund made at the gateway directly, learned from its webhook: recorded so the ledger matches. */
  async insertSettled(refund: Pick<RefundRow, 'id' | 'paymentId' | 'amount'>, tx: Db): Promise<RefundRow> {
    const [row] = await tx
      .insert(refunds)
      .values({ ...refund, status: 'succeeded' })
      .returning(columns);
    return row!;
  }

  async find(id: string, tx: Db = this.db): Promise<RefundRow | undefined> {
    const rows = await tx.select(columns).from(refunds).where(eq(refunds.id, id));
    return rows[0];
  }

  async findByIdempotencyKey(requestedBy: string, key: string, tx: Db): Promise<RefundRow | undefined> {
    const rows = await tx
      .select(columns)
      .from(refunds)
      .where(and(eq(refunds.requestedBy, requestedBy), eq(refunds.idempotencyKey, key)));
    return rows[0];
  }

  /** The payment's refunds still waiting for the gateway, oldest first. */
  async pendingOf(paymentId: string, tx: Db): Promise<RefundRow[]> {
    return tx
      .select(columns)
      .from(refunds)
      .where(and(eq(refunds.paymentId, paymentId), eq(refunds.status, 'pending')))
      .orderBy(asc(refunds.createdAt), asc(refunds.id));
  }

  async pendingTotal(paymentId: string, tx: Db): Promise<number> {
    const [row] = await tx
      .select({ total: sum(refunds.amount).mapWith(Number) })
      .from(refunds)
      .where(and(eq(refunds.paymentId, paymentId), eq(refunds.status, 'pending')));
    return row?.total ?? 0;
  }

  /** Settles a pending refund; undefined when it was settled already (by its webhook, say). */
  async markSucceeded(id: string, tx: Db): Promise<RefundRow | undefined> {
    const rows = await tx
      .update(refunds)
      .set({ status: 'succeeded', updatedAt: sql`now()` })
      .where(and(eq(refunds.id, id), eq(refunds.status, 'pending')))
      .returning(columns);
    return rows[0];
  }

  async markFailed(id: string, reason: string, tx: Db): Promise<RefundRow | undefined> {
    const rows = await tx
      .update(refunds)
      .set({ status: 'failed', failureReason: reason, updatedAt: sql`now()` })
      .where(and(eq(refunds.id, id), eq(refunds.status, 'pending')))
      .returning(columns);
    return rows[0];
  }

  async recordGatewayId(id: string, gatewayRefundId: string, tx: Db): Promise<void> {
    await tx
      .update(refunds)
      .set({ gatewayRefundId, updatedAt: sql`now()` })
      .where(and(eq(refunds.id, id), sql`${refunds.gatewayRefundId} is null`));
  }

  /** Pending refunds whose call got no answer, untouched for `staleAfterMs`: the reconciler retries them. */
  async dueForReconciliation(staleAfterMs: number, limit: number): Promise<RefundRow[]> {
    return this.db
      .select(columns)
      .from(refunds)
      .where(and(eq(refunds.status, 'pending'), lt(refunds.updatedAt, sql`now() - make_interval(secs => ${staleAfterMs / 1000})`)))
      .orderBy(asc(refunds.updatedAt))
      .limit(limit);
  }

  /** The reconciler tried and must try again later. */
  async touch(id: string): Promise<void> {
    await this.db
      .update(refunds)
      .set({ updatedAt: sql`now()` })
      .where(eq(refunds.id, id));
  }
}
