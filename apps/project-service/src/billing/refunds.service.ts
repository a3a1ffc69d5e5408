import { createHash, randomUUID } from 'node:crypto';
import { UnitOfWork, type Caller } from '@msp/platform';
import { Inject, Injectable } from '@nestjs/common';
import { ProjectAccess } from '../access/project-access.js';
import { isUuid } from '../common/validation.js';
import { BillingError } from './billing.errors.js';
import { paymentNotFound, PaymentAccess } from './payment-access.js';
import { gatewayFailureOf, PAYMENT_GATEWAY, type PaymentGateway } from './payment-gateway.port.js';
import { PaymentSettlement } from './payment-settlement.js';
import { PaymentsRepository, type PaymentRow } from './payments.repository.js';
import { RefundsRepository, type RefundRow } from './refunds.repository.js';

export interface RefundResult {
  refund: RefundRow;
  payment: PaymentRow;
}

/**
 * Refunds by platform administrators, all of what is left or part of it. Like payments, the refund
 * row (with its key `refund:<id>`) is committed before the gateway is called; pending refunds count
 * against what is left, so no two refunds together can give back more than was captured.
 */
@Injectable()
export class RefundsService {
  constructor(
    private readonly paymentAccess: PaymentAccess,
    private readonly payments: PaymentsRepository,
    private readonly refunds: RefundsRepository,
    private readonly settlement: PaymentSettlement,
    private readonly unitOfWork: UnitOfWork,
    @Inject(PAYMENT_GATEWAY) private readonly gateway: PaymentGateway,
    private readonly access: ProjectAccess,
  ) {}

  async refund(paymentId: string, amount: number | undefined, idempotencyKey: string, caller: Caller | undefined): Promise<RefundResult> {
    const admin = this.paymentAccess.requirePlatformAdmin(caller);
    if (!isUuid(paymentId)) throw paymentNotFound();
    if (amount !== undefined && (!Number.isSafeInteger(amount) || amount < 1)) {
      throw new BillingError('VALIDATION_FAILED', 'The refund is invalid.', [
        { path: 'amount', message: 'must be a positive whole number of cents' },
      ]);
    }
    const key = idempotencyKey === '' ? null : idempotencyKey.slice(0, 255);
    const requestDigest = createHash('sha256')
      .update(`refund\n${paymentId}\n${amount ?? 'rest'}`)
      .digest('base64url');

    const refund = await this.unitOfWork.run(async (tx) => {
      const payment = await this.payments.lock(paymentId, tx);
      if (!payment) throw paymentNotFound();
      if (key) {
        const earlier = await this.refunds.findByIdempotencyKey(admin.userId, key, tx);
        if (earlier && earlier.requestDigest !== requestDigest) {
          throw new BillingError('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was already used for another refund. Use a new key.');
        }
        if (earlier) return earlier;
      }
      if (payment.status !== 'succeeded') {
        throw new BillingError(
          'PAYMENT_NOT_REFUNDABLE',
          payment.status === 'refunded'
            ? 'This payment was refunded in full already.'
            : `A ${payment.status} payment has nothing to refund.`,
        );
      }
      const left = payment.amount - payment.refundedAmount - (await this.refunds.pendingTotal(paymentId, tx));
      if (left <= 0) throw new BillingError('PAYMENT_NOT_REFUNDABLE', 'Everything left on this payment is being refunded already.');
      if (amount !== undefined && amount > left) throw tooLarge(`must be at most ${left}, what is left of the payment`);
      const id = randomUUID();
      return this.refunds.insert(
        {
          id,
          paymentId,
          amount: amount ?? left,
          requestedBy: admin.userId,
          idempotencyKey: key,
          requestDigest,
          gatewayKey: `refund:${id}`,
        },
        tx,
      );
    });

    if (refund.status === 'failed') throw rejected(refund.failureReason);
    if (refund.status === 'pending') await this.send(refund);
    const settled = (await this.refunds.find(refund.id))!;
    if (settled.status === 'failed') throw rejected(settled.failureReason);
    return { refund: settled, payment: (await this.payments.find(paymentId))! };
  }

  /**
   * Asks the gateway for a pending refund (again, with its key: a replay if it had got there) and
   * records the answer. A call without an answer leaves it pending, for the reconciler to repeat.
   */
  async send(refund: RefundRow): Promise<void> {
    const payment = (await this.payments.find(refund.paymentId))!;
    try {
      const answer = await this.gateway.createRefund(
        { intentId: payment.intentId!, amount: refund.amount, metadata: { refund_id: refund.id, payment_id: payment.id } },
        refund.gatewayKey!,
      );
      await this.unitOfWork.run(async (tx, events) => {
        await this.payments.lock(payment.id, tx);
        await this.refunds.recordGatewayId(refund.id, answer.id, tx);
        if (answer.status === 'failed') {
          await this.refunds.markFailed(refund.id, answer.failureReason ?? 'The payment gateway could not refund.', tx);
          return;
        }
        if (answer.status !== 'succeeded') return;
        const succeeded = await this.refunds.markSucceeded(refund.id, tx);
        if (succeeded) await this.settlement.refundSucceeded(succeeded, tx, events);
      });
      // A refund may have taken the project back to its previous plan, which project reads show.
      await this.access.projectChanged(payment.projectId);
    } catch (error) {
      const failure = gatewayFailureOf(error);
      if (failure === undefined) throw error;
      if (failure === 'unknown') return;
      // Refused (say, the gateway counts more refunded than we do): nothing moved.
      await this.unitOfWork.run((tx) => this.refunds.markFailed(refund.id, (error as Error).message, tx));
    }
  }
}

function tooLarge(message: string): BillingError {
  return new BillingError('REFUND_TOO_LARGE', 'The refund amount is invalid.', [{ path: 'amount', message }]);
}

function rejected(reason: string | null): BillingError {
  return new BillingError('REFUND_REJECTED', `The payment gateway refused the refund: ${reason ?? 'no reason given'}.`);
}
