import { randomUUID } from 'node:crypto';
import { LOGGER, UnitOfWork, type Db, type EventRecorder, type Logger } from '@msp/platform';
import { Inject, Injectable } from '@nestjs/common';
import { ProjectAccess } from '../access/project-access.js';
import { isUuid } from '../common/validation.js';
import { BillingError } from './billing.errors.js';
import { BillingProjectsRepository } from './billing-projects.repository.js';
import { outcomeOf } from './intent-outcome.js';
import {
  PAYMENT_GATEWAY,
  WebhookSignatureError,
  type GatewayCharge,
  type GatewayEvent,
  type GatewayIntent,
  type PaymentGateway,
} from './payment-gateway.port.js';
import { PaymentSettlement } from './payment-settlement.js';
import { PaymentsRepository } from './payments.repository.js';
import { RefundsRepository } from './refunds.repository.js';

/**
 * The gateway's webhooks. Each is verified on its raw bytes (signature and timestamp), then applied
 * once: its event id is recorded in the same transaction as its effect, so a duplicate delivery
 * finds the id and changes nothing, and a failure rolls both back for the gateway to retry. Events
 * only ever move a payment forward (PaymentSettlement), so late and out-of-order ones are harmless.
 * Nothing here calls the gateway: a declined intent waits for the confirm call or the reconciler.
 */
@Injectable()
export class PaymentWebhooksService {
  constructor(
    @Inject(PAYMENT_GATEWAY) private readonly gateway: PaymentGateway,
    private readonly payments: PaymentsRepository,
    private readonly refunds: RefundsRepository,
    private readonly projects: BillingProjectsRepository,
    private readonly settlement: PaymentSettlement,
    private readonly unitOfWork: UnitOfWork,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly access: ProjectAccess,
  ) {}

  async handle(rawBody: Buffer, signature: string): Promise<void> {
    const event = this.verified(rawBody, signature);
    const projectId = await this.unitOfWork.run(async (tx, events) => {
      if (!(await this.projects.recordWebhook(event.id, event.type, tx))) return undefined;
      if (event.kind === 'intent') return this.applyIntent(event.intent, tx, events);
      if (event.kind === 'charge' && event.type === 'charge.refunded') return this.applyRefunds(event.charge, tx, events);
      return undefined;
    });
    // The event may have changed the project's plan, which project reads show.
    if (projectId) await this.access.projectChanged(projectId);
  }

  private verified(rawBody: Buffer, signature: string): GatewayEvent {
    try {
      return this.gateway.parseWebhook(rawBody, signature);
    } catch (error) {
      if (!(error instanceof WebhookSignatureError)) throw error;
      throw new BillingError('INVALID_SIGNATURE', 'The webhook signature is invalid or its timestamp too old.', [
        { path: 'Stripe-Signature', message: error.message },
      ]);
    }
  }

  /** The project of the payment the intent belongs to, if any. */
  private async applyIntent(intent: GatewayIntent, tx: Db, events: EventRecorder): Promise<string | undefined> {
    const paymentId = intent.metadata.payment_id;
    const payment =
      (await this.payments.findByIntentId(intent.id, tx)) ??
      (paymentId !== undefined && isUuid(paymentId) ? await this.payments.find(paymentId, tx) : undefined);
    if (!payment) {
      this.logger.warn({ intentId: intent.id }, 'webhook for an intent of no payment of ours; ignored');
      return undefined;
    }
    // The answer to the checkout's call may not be committed yet (or never will be): the event says it.
    if (payment.intentId === null) await this.payments.recordIntent(payment.id, intent.id, intent.clientSecret, tx);
    const outcome = outcomeOf(intent, payment);
    if (outcome.kind === 'settled') await this.settlement.apply(payment.id, outcome.settlement, tx, events);
    if (outcome.kind === 'mismatch')
      this.logger.error({ paymentId: payment.id, problem: outcome.problem }, 'webhook intent disagrees with its payment');
    return payment.projectId;
  }

  /**
   * The gateway's refunded total for the charge. Refunds of ours still pending are settled precisely
   * by their own calls (or the reconciler replaying them), never guessed from a total here. With none
   * pending, any difference was refunded at the gateway directly and is recorded so the ledger matches.
   */
  private async applyRefunds(charge: GatewayCharge, tx: Db, events: EventRecorder): Promise<string | undefined> {
    const found = await this.payments.findByIntentId(charge.intentId, tx);
    const payment = found && (await this.payments.lock(found.id, tx));
    if (!payment) return undefined;
    const missing = charge.amountRefunded - payment.refundedAmount;
    if (missing <= 0 || (await this.refunds.pendingOf(payment.id, tx)).length > 0) return undefined;
    const refund = await this.refunds.insertSettled({ id: randomUUID(), paymentId: payment.id, amount: missing }, tx);
    // Throws while the ledger has not seen the payment succeed: the delivery fails and comes again later.
    await this.settlement.refundSucceeded(refund, tx, events);
    return payment.projectId;
  }
}
