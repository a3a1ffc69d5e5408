import { platformMetrics, type Db, type EventRecorder } from '@msp/platform';
import { Injectable } from '@nestjs/common';
import { ActivityRepository } from '../activity/activity.repository.js';
import { BillingProjectsRepository } from './billing-projects.repository.js';
import { canMove } from './payment-status.js';
import { PaymentsRepository, type PaymentRow } from './payments.repository.js';
import { isPlanId, type PlanId } from './plans.js';
import { RefundsRepository, type RefundRow } from './refunds.repository.js';

/** Where a payment is to go, as learned from the gateway (a call's answer, a webhook, the reconciler). */
export type Settlement =
  | { status: 'pending' }
  | { status: 'processing' }
  | { status: 'succeeded' }
  | { status: 'failed'; reason: string }
  | { status: 'unknown'; reason?: string };

/**
 * Applies what the gateway said to the ledger, inside the caller's transaction, with its effects:
 * receipt number, plan change and events exactly once, because a move happens at most once (the
 * payment's row is locked and its status decides). Everything that settles a payment — the confirm
 * call, webhooks, the reconciler — goes through here, so they cannot disagree on the rules.
 */
@Injectable()
export class PaymentSettlement {
  constructor(
    private readonly payments: PaymentsRepository,
    private readonly projects: BillingProjectsRepository,
    private readonly refunds: RefundsRepository,
    private readonly activity: ActivityRepository,
  ) {}

  /** The moved payment, or undefined when the move is not forward from where the payment is. */
  async apply(paymentId: string, settlement: Settlement, tx: Db, events: EventRecorder): Promise<PaymentRow | undefined> {
    const current = await this.payments.lock(paymentId, tx);
    if (!current || !canMove(current.status, settlement.status)) return undefined;
    const moved = await this.move(current, settlement, tx, events);
    // Counted when applied: a transaction that then rolls back (rare: the caller's own failure) is counted too.
    if (moved) platformMetrics().paymentTransitions.inc({ from: current.status, to: moved.status });
    return moved;
  }

  private async move(current: PaymentRow, settlement: Settlement, tx: Db, events: EventRecorder): Promise<PaymentRow | undefined> {
    const paymentId = current.id;
    switch (settlement.status) {
      case 'succeeded':
        return this.succeed(current, tx, events);
      case 'failed': {
        const failed = await this.payments.move(paymentId, 'failed', { failureReason: settlement.reason, confirmMethod: null }, tx);
        if (failed) await this.recordFailed(failed, tx, events);
        return failed;
      }
      case 'pending':
        // Nothing happened at the gateway: the attempt is over, and another may start.
        return this.payments.move(paymentId, 'pending', { confirmMethod: null }, tx);
      case 'processing':
        return this.payments.move(paymentId, 'processing', {}, tx);
      case 'unknown':
        return this.payments.move(paymentId, 'unknown', settlement.reason ? { failureReason: settlement.reason } : {}, tx);
    }
  }

  /** A refund the gateway made: added to the payment; a full refund returns the project to its earlier plan. */
  async refundSucceeded(refund: RefundRow, tx: Db, events: EventRecorder): Promise<void> {
    const payment = await this.payments.addRefunded(refund.paymentId, refund.amount, tx);
    if (!payment) throw new Error(`refund ${refund.id} settled on payment ${refund.paymentId}, which is not succeeded`);
    if (payment.status === 'refunded') platformMetrics().paymentTransitions.inc({ from: 'succeeded', to: 'refunded' });
    const project = await this.projects.lockPlan(payment.projectId, tx);
    await events.add({
      type: 'payment.refunded.v1',
      subject: payment.id,
      data: {
        paymentId: payment.id,
        refundId: refund.id,
        projectId: payment.projectId,
        projectName: project?.name ?? '',
        payerId: payment.payerId,
        amount: refund.amount,
        currency: payment.currency,
      },
    });
    // Money all given back undoes the purchase, but only if nothing changed the plan since.
    if (payment.status === 'refunded' && project?.plan === payment.planId) {
      const previous = payment.previousPlan !== null && isPlanId(payment.previousPlan) ? payment.previousPlan : 'free';
      await this.changePlan(payment, project.plan, previous, null, refund.requestedBy ?? payment.payerId, tx, events);
    }
  }

  private async succeed(payment: PaymentRow, tx: Db, events: EventRecorder): Promise<PaymentRow | undefined> {
    const project = await this.projects.lockPlan(payment.projectId, tx);
    const previousPlan = project?.plan ?? 'free';
    const receiptNumber = await this.projects.nextReceiptNumber(new Date().getUTCFullYear(), tx);
    const succeeded = await this.payments.move(payment.id, 'succeeded', { receiptNumber, previousPlan, confirmMethod: null }, tx);
    if (!succeeded) return undefined;
    if (previousPlan !== succeeded.planId)
      await this.changePlan(succeeded, previousPlan, succeeded.planId, succeeded.id, succeeded.payerId, tx, events);
    await events.add({
      type: 'payment.succeeded.v1',
      subject: succeeded.id,
      data: {
        paymentId: succeeded.id,
        projectId: succeeded.projectId,
        projectName: project?.name ?? '',
        payerId: succeeded.payerId,
        plan: succeeded.planId,
        amount: succeeded.amount,
        currency: succeeded.currency,
        receiptNumber,
        succeededAt: succeeded.updatedAt.toISOString(),
      },
    });
    return succeeded;
  }

  private async recordFailed(payment: PaymentRow, tx: Db, events: EventRecorder): Promise<void> {
    const project = await this.projects.planOf(payment.projectId, tx);
    await events.add({
      type: 'payment.failed.v1',
      subject: payment.id,
      data: {
        paymentId: payment.id,
        projectId: payment.projectId,
        projectName: project?.name ?? '',
        payerId: payment.payerId,
        plan: payment.planId,
        amount: payment.amount,
        currency: payment.currency,
        reason: payment.failureReason ?? 'The payment failed.',
      },
    });
  }

  private async changePlan(
    payment: PaymentRow,
    from: string,
    to: PlanId,
    paidBy: string | null,
    actorId: string,
    tx: Db,
    events: EventRecorder,
  ): Promise<void> {
    await this.projects.setPlan(payment.projectId, to, tx);
    const fromPlan = isPlanId(from) ? from : 'free';
    await this.activity.add(
      [{ projectId: payment.projectId, actorId, action: 'plan.changed', subject: to, data: { from: fromPlan, to, paymentId: paidBy } }],
      tx,
    );
    await events.add({
      type: 'project.plan.changed.v1',
      subject: payment.projectId,
      data: { projectId: payment.projectId, from: fromPlan, to, paymentId: paidBy },
    });
  }
}
