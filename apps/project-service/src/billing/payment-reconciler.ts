import { LOGGER, PollingLoop, UnitOfWork, type Logger } from '@msp/platform';
import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { BILLING_SETTINGS, type BillingSettings } from './billing-settings.js';
import { outcomeOf } from './intent-outcome.js';
import { gatewayFailureOf, PAYMENT_GATEWAY, type GatewayIntent, type PaymentGateway } from './payment-gateway.port.js';
import { PaymentSync } from './payment-sync.js';
import { PaymentsRepository, type PaymentRow } from './payments.repository.js';
import { RefundsRepository } from './refunds.repository.js';
import { RefundsService } from './refunds.service.js';

/** Per pass; a pass never repeats at once, so an unreachable gateway is asked once per interval, not in a loop. */
const BATCH = 50;

/**
 * Settles what the request path could not: payments whose call got no answer (`unknown`), pending
 * or processing ones nobody heard of for a while (a crash between a call and its commit, a lost
 * webhook), checkouts abandoned past their expiry, and refunds whose call got no answer. It asks the
 * gateway — by the recorded intent id, or by the payment id in the intent's metadata when the id was
 * never recorded — and moves the ledger forward through the same rules as everything else.
 */
@Injectable()
export class PaymentReconciler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly loop: PollingLoop;

  constructor(
    @Inject(PAYMENT_GATEWAY) private readonly gateway: PaymentGateway,
    private readonly payments: PaymentsRepository,
    private readonly refunds: RefundsRepository,
    private readonly refundsService: RefundsService,
    private readonly sync: PaymentSync,
    private readonly unitOfWork: UnitOfWork,
    @Inject(BILLING_SETTINGS) private readonly settings: BillingSettings,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.loop = new PollingLoop('payment reconciler', () => this.pass().then(() => false), settings.reconcileIntervalMs, logger);
  }

  onApplicationBootstrap(): void {
    this.loop.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.loop.stop();
  }

  /** One pass over what is due; a failure with one payment never keeps the others waiting. */
  async pass(): Promise<void> {
    for (const payment of await this.payments.dueForReconciliation(this.settings.reconcileAfterMs, BATCH)) {
      await this.settle(payment).catch((error: unknown) =>
        this.logger.warn({ err: error, paymentId: payment.id }, 'reconciling a payment failed'),
      );
    }
    for (const refund of await this.refunds.dueForReconciliation(this.settings.reconcileAfterMs, BATCH)) {
      try {
        await this.refundsService.send(refund);
        if ((await this.refunds.find(refund.id))?.status === 'pending') await this.refunds.touch(refund.id);
      } catch (error) {
        this.logger.warn({ err: error, refundId: refund.id }, 'reconciling a refund failed');
      }
    }
  }

  private async settle(payment: PaymentRow): Promise<void> {
    const intent = await this.intentOf(payment);
    if (intent === 'unreachable') return;
    if (intent === undefined) return this.settleWithoutIntent(payment);
    if (payment.intentId === null)
      await this.unitOfWork.run((tx) => this.payments.recordIntent(payment.id, intent.id, intent.clientSecret, tx));
    const known = { ...payment, intentId: intent.id };
    if (outcomeOf(intent, known).kind === 'open') return this.settleOpen(known);
    const after = await this.sync.settleFrom(known, intent);
    if (after.status === payment.status) await this.payments.markChecked(payment.id);
    else this.logger.info({ paymentId: payment.id, from: payment.status, to: after.status }, 'payment reconciled');
  }

  private async intentOf(payment: PaymentRow): Promise<GatewayIntent | undefined | 'unreachable'> {
    try {
      return payment.intentId ? await this.gateway.retrieveIntent(payment.intentId) : await this.gateway.findIntentByPaymentId(payment.id);
    } catch (error) {
      if (gatewayFailureOf(error) === undefined) throw error;
      this.logger.warn({ err: error, paymentId: payment.id }, 'payment gateway unreachable; reconciling later');
      return 'unreachable';
    }
  }

  /** No intent was ever created (the checkout's call did not get through): nothing can be charged. */
  private async settleWithoutIntent(payment: PaymentRow): Promise<void> {
    if (this.olderThan(payment.createdAt, this.settings.reconcileAfterMs)) {
      await this.sync.apply(payment.id, { status: 'failed', reason: 'The checkout did not reach the payment gateway.' });
    }
  }

  /** The intent shows no attempt to pay: an unanswered call did nothing, an abandoned checkout expires. */
  private async settleOpen(payment: PaymentRow): Promise<void> {
    const quiet = this.olderThan(payment.updatedAt, this.settings.reconcileAfterMs);
    if (payment.status === 'unknown' && quiet) {
      await this.sync.apply(payment.id, { status: 'pending' });
    } else if (payment.status === 'pending' && payment.confirmMethod !== null && quiet) {
      // An attempt that never reached the gateway (the process died first): another may start.
      await this.unitOfWork.run((tx) => this.payments.endConfirmation(payment.id, tx));
    } else if (payment.status === 'pending' && this.olderThan(payment.createdAt, this.settings.checkoutExpiryMs)) {
      await this.expire(payment);
    } else {
      await this.payments.markChecked(payment.id);
    }
  }

  private async expire(payment: PaymentRow): Promise<void> {
    let intent: GatewayIntent;
    try {
      intent = await this.gateway.cancelIntent(payment.intentId!, `cancel:${payment.id}`);
    } catch (error) {
      if (gatewayFailureOf(error) === 'rejected') await this.sync.refresh(payment, { status: 'pending' });
      else if (gatewayFailureOf(error) === undefined) throw error;
      return;
    }
    if (intent.status === 'canceled')
      await this.sync.apply(payment.id, { status: 'failed', reason: 'The checkout expired before it was paid.' });
    else await this.sync.settleFrom(payment, intent);
  }

  private olderThan(time: Date, ms: number): boolean {
    return Date.now() - time.getTime() > ms;
  }
}
