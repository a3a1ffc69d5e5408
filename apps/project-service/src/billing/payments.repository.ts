import { DB, type Db, type KeysetPosition } from '@msp/platform';
import { Inject, Injectable } from '@nestjs/common';
import { and, desc, eq, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { olderThan } from '../common/keyset.js';
import { payments } from '../db/schema.js';
import type { PlanId } from './plans.js';
import { ACTIVE_STATUSES, movesTo, type PaymentStatus } from './payment-status.js';

export interface PaymentRow {
  id: string;
  projectId: string;
  planId: PlanId;
  amount: number;
  currency: string;
  status: PaymentStatus;
  failureReason: string | null;
  refundedAmount: number;
  receiptNumber: string | null;
  payerId: string;
  idempotencyKey: string | null;
  requestDigest: string;
  gatewayKey: string;
  intentId: string | null;
  clientSecret: string | null;
  confirmMethod: string | null;
  confirmAttempt: number;
  previousPlan: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export type NewPayment = Pick<
  PaymentRow,
  'id' | 'projectId' | 'planId' | 'amount' | 'currency' | 'payerId' | 'idempotencyKey' | 'requestDigest' | 'gatewayKey'
>;

/** What else a move may set, besides the status. */
export type MoveChanges = Partial<Pick<PaymentRow, 'failureReason' | 'receiptNumber' | 'previousPlan' | 'confirmMethod'>>;

export interface PaymentFilter {
  projectId?: string | undefined;
  status?: PaymentStatus | undefined;
}

const columns = {
  id: payments.id,
  projectId: payments.projectId,
  planId: sql<PlanId>`${payments.planId}`,
  amount: payments.amount,
  currency: payments.currency,
  status: sql<PaymentStatus>`${payments.status}`,
  failureReason: payments.failureReason,
  refundedAmount: payments.refundedAmount,
  receiptNumber: payments.receiptNumber,
  payerId: payments.payerId,
  idempotencyKey: payments.idempotencyKey,
  requestDigest: payments.requestDigest,
  gatewayKey: payments.gatewayKey,
  intentId: payments.intentId,
  clientSecret: payments.clientSecret,
  confirmMethod: payments.confirmMethod,
  confirmAttempt: payments.confirmAttempt,
  previousPlan: payments.previousPlan,
  createdAt: payments.createdAt,
  updatedAt: payments.updatedAt,
};

/** The payments ledger. Status changes go through `move`, which only ever moves a payment forward. */
@Injectable()
export class PaymentsRepository {
  constructor(@Inject(DB) private readonly db: Db) {}

  async insert(payment: NewPayment, tx: Db): Promise<PaymentRow> {
    const [row] = await tx.insert(payments).values(payment).returning(columns);
    return row!;
  }

  async find(id: string, tx: Db = this.db): Promise<PaymentRow | undefined> {
    const rows = await tx.select(columns).from(payments).where(eq(payments.id, id));
    return rows[0];
  }

  /** Locks the payment's row until the transaction ends: decisions read from it cannot go stale. */
  async lock(id: string, tx: Db): Promise<PaymentRow | undefined> {
    const rows = await tx.select(columns).from(payments).where(eq(payments.id, id)).for('update');
    return rows[0];
  }

  async findByIdempotencyKey(payerId: string, key: string, tx: Db): Promise<PaymentRow | undefined> {
    const rows = await tx
      .select(columns)
      .from(payments)
      .where(and(eq(payments.payerId, payerId), eq(payments.idempotencyKey, key)));
    return rows[0];
  }

  async findActive(projectId: string, tx: Db): Promise<PaymentRow | undefined> {
    const rows = await tx
      .select(columns)
      .from(payments)
      .where(and(eq(payments.projectId, projectId), inArray(payments.status, [...ACTIVE_STATUSES])));
    return rows[0];
  }

  async findByIntentId(intentId: string, tx: Db): Promise<PaymentRow | undefined> {
    const rows = await tx.select(columns).from(payments).where(eq(payments.intentId, intentId));
    return rows[0];
  }

  /**
   * Moves the payment to `to` if its status allows that move (payment-status.ts); undefined when it
   * does not (it already moved on, or was settled otherwise). Because the check is part of the
   * UPDATE, two settlements racing for one payment cannot both apply: the second waits for the
   * first's row lock, then finds the status changed.
   */
  async move(id: string, to: PaymentStatus, changes: MoveChanges, tx: Db): Promise<PaymentRow | undefined> {
    const rows = await tx
      .update(payments)
      .set({ ...changes, status: to, updatedAt: sql`now()`, checkedAt: null })
      .where(and(eq(payments.id, id), inArray(payments.status, [...movesTo(to)])))
      .returning(columns);
    return rows[0];
  }

  /** Records the intent the gateway created (once: a later, different id would be a bug, not news). */
  async recordIntent(id: string, intentId: string, clientSecret: string, tx: Db): Promise<PaymentRow | undefined> {
    const rows = await tx
      .update(payments)
      .set({ intentId, clientSecret, updatedAt: sql`now()` })
      .where(and(eq(payments.id, id), isNull(payments.intentId)))
      .returning(columns);
    return rows[0];
  }

  /** A new confirmation attempt with `method`: its number goes into the idempotency key of the call. */
  async startConfirmation(id: string, method: string, tx: Db): Promise<PaymentRow> {
    const [row] = await tx
      .update(payments)
      .set({ confirmMethod: method, confirmAttempt: sql`${payments.confirmAttempt} + 1`, updatedAt: sql`now()` })
      .where(eq(payments.id, id))
      .returning(columns);
    return row!;
  }

  /** The confirmation attempt ended without moving money (the gateway refused the request). */
  async endConfirmation(id: string, tx: Db): Promise<void> {
    await tx
      .update(payments)
      .set({ confirmMethod: null, updatedAt: sql`now()` })
      .where(eq(payments.id, id));
  }

  /**
   * Adds a succeeded refund to the payment; a full refund makes it `refunded`. The check constraints
   * refuse more than the captured amount, so an arithmetic slip fails loudly instead of losing money.
   */
  async addRefunded(id: string, amount: number, tx: Db): Promise<PaymentRow | undefined> {
    const total = sql`${payments.refundedAmount} + ${amount}`;
    const rows = await tx
      .update(payments)
      .set({
        refundedAmount: sql`${total}`,
        status: sql`case when ${total} = ${payments.amount} then 'refunded' else ${payments.status} end`,
        updatedAt: sql`now()`,
      })
      .where(and(eq(payments.id, id), eq(payments.status, 'succeeded')))
      .returning(columns);
    return rows[0];
  }

  /** The reconciler found nothing new: look again only after `PAYMENT_RECONCILE_AFTER_MS`. */
  async markChecked(id: string): Promise<void> {
    await this.db
      .update(payments)
      .set({ checkedAt: sql`now()` })
      .where(eq(payments.id, id));
  }

  /**
   * Payments to settle against the gateway: every `unknown` one, and pending or processing ones
   * nobody has heard of for `staleAfterMs` (a crash between a call and its commit, a lost webhook).
   */
  async dueForReconciliation(staleAfterMs: number, limit: number): Promise<PaymentRow[]> {
    const staleBefore = sql`now() - make_interval(secs => ${staleAfterMs / 1000})`;
    return this.db
      .select(columns)
      .from(payments)
      .where(
        or(
          eq(payments.status, 'unknown'),
          and(
            inArray(payments.status, ['pending', 'processing']),
            lt(payments.updatedAt, staleBefore),
            or(isNull(payments.checkedAt), lt(payments.checkedAt, staleBefore)),
          ),
        ),
      )
      .orderBy(payments.updatedAt)
      .limit(limit);
  }

  /** Newest first, after `after` (keyset). */
  async list(filter: PaymentFilter, limit: number, after: KeysetPosition | undefined): Promise<PaymentRow[]> {
    const conditions: Array<SQL | undefined> = [olderThan(payments.createdAt, payments.id, after)];
    if (filter.projectId) conditions.push(eq(payments.projectId, filter.projectId));
    if (filter.status) conditions.push(eq(payments.status, filter.status));
    return this.db
      .select(columns)
      .from(payments)
      .where(and(...conditions))
      .orderBy(desc(payments.createdAt), desc(payments.id))
      .limit(limit);
  }
}
