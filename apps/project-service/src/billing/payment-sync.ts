import { LOGGER, UnitOfWork, type Logger } from '@msp/platform';
import { Inject, Injectable } from '@nestjs/common';
import { ProjectAccess } from '../access/project-access.js';
import { outcomeOf } from './intent-outcome.js';
import { gatewayFailureOf, PAYMENT_GATEWAY, type GatewayIntent, type PaymentGateway } from './payment-gateway.port.js';
import { PaymentSettlement, type Settlement } from './payment-settlement.js';
import { PaymentsRepository, type PaymentRow } from './payments.repository.js';

/** What an intent that is still open (nothing paid, nothing refused) means for the payment. */
export type WhenOpen = 'unchanged' | 'pending';

/**
 * Brings one payment in line with its intent at the gateway: the confirm call and the reconciler
 * both end here. Only this class cancels a declined intent, which is what makes `failed` final.
 */
@Injectable()
export class PaymentSync {
  constructor(
    @Inject(PAYMENT_GATEWAY) private readonly gateway: PaymentGateway,
    private readonly payments: PaymentsRepository,
    private readonly settlement: PaymentSettlement,
    private readonly unitOfWork: UnitOfWork,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly access: ProjectAccess,
  ) {}

  /** Settles the payment on what the intent says; answers the payment as it is afterwards. */
  async settleFrom(payment: PaymentRow, intent: GatewayIntent, whenOpen: WhenOpen = 'unchanged'): Promise<PaymentRow> {
    const outcome = outcomeOf(intent, payment);
    switch (outcome.kind) {
      case 'settled':
        return this.apply(payment.id, outcome.settlement);
      case 'declined':
        return this.cancelDeclined(payment, outcome.reason);
      case 'open':
        return whenOpen === 'pending' ? this.apply(payment.id, { status: 'pending' }) : payment;
      case 'mismatch':
        // Settling on an intent that is not this payment's could mark money as paid that never was.
        this.logger.error({ paymentId: payment.id, problem: outcome.problem }, 'payment and intent disagree; left for an operator');
        return payment;
    }
  }

  /**
   * A card was declined and the intent waits for another one: cancel it, so the payment's `failed`
   * is final at the gateway too (no client secret can charge it later), then record the failure.
   * The cancel's key is fixed per payment, so a retry after a lost answer repeats the same cancel.
   */
  async cancelDeclined(payment: PaymentRow, reason: string): Promise<PaymentRow> {
    let intent: GatewayIntent;
    try {
      intent = await this.gateway.cancelIntent(payment.intentId!, `cancel:${payment.id}`);
    } catch (error) {
      if (gatewayFailureOf(error) === 'rejected') return this.refresh(payment, { status: 'unknown', reason });
      if (gatewayFailureOf(error) === 'unknown') return this.apply(payment.id, { status: 'unknown', reason });
      throw error;
    }
    if (intent.status === 'canceled') return this.apply(payment.id, { status: 'failed', reason: intent.lastError ?? reason });
    return this.settleFrom(payment, intent);
  }

  /**
   * Reads the intent and settles on it. The cancel was refused because the intent moved on (it
   * succeeded, say); what it moved to decides. If even that cannot be read, `fallback`.
   */
  async refresh(payment: PaymentRow, fallback: Settlement): Promise<PaymentRow> {
    let intent: GatewayIntent;
    try {
      intent = await this.gateway.retrieveIntent(payment.intentId!);
    } catch (error) {
      if (gatewayFailureOf(error) === undefined) throw error;
      return this.apply(payment.id, fallback);
    }
    const outcome = outcomeOf(intent, payment);
    // Still declined and not cancelable: leave it to the reconciler rather than loop here.
    if (outcome.kind === 'declined') return this.apply(payment.id, fallback);
    return this.settleFrom(payment, intent);
  }

  /** Applies a settlement in a transaction of its own; answers the payment as it then is. */
  async apply(paymentId: string, settlement: Settlement): Promise<PaymentRow> {
    const moved = await this.unitOfWork.run((tx, events) => this.settlement.apply(paymentId, settlement, tx, events));
    const payment = moved ?? (await this.payments.find(paymentId))!;
    // A settlement may have changed the project's plan, which project reads show.
    if (moved) await this.access.projectChanged(payment.projectId);
    return payment;
  }
}
