import { createHash, randomUUID } from 'node:crypto';
import { UnitOfWork, type Caller } from '@msp/platform';
import { Inject, Injectable } from '@nestjs/common';
import { ProjectAccess } from '../access/project-access.js';
import { BillingError } from './billing.errors.js';
import { BillingProjectsRepository } from './billing-projects.repository.js';
import { gatewayFailureOf, PAYMENT_GATEWAY, type PaymentGateway } from './payment-gateway.port.js';
import { ACTIVE_STATUSES } from './payment-status.js';
import { PaymentSync } from './payment-sync.js';
import { PaymentsRepository, type PaymentRow } from './payments.repository.js';
import { isPlanId, planOf } from './plans.js';

export interface CheckoutResult {
  payment: PaymentRow;
  /** The intent's client secret, for confirming on the client; empty while the intent does not exist. */
  clientSecret: string;
}

const MAX_KEY_LENGTH = 255;
/** When to retry a checkout whose intent the gateway did not confirm creating. */
const RETRY_AFTER_SECONDS = 5;

/**
 * Checkout: a payment row (with the key of its gateway call) is committed first, then the intent is
 * created with that key. A retry — the client's, with the same Idempotency-Key — finds the same row
 * and repeats the same call, which the gateway answers with the same intent.
 */
@Injectable()
export class CheckoutService {
  constructor(
    private readonly access: ProjectAccess,
    private readonly payments: PaymentsRepository,
    private readonly projects: BillingProjectsRepository,
    private readonly sync: PaymentSync,
    private readonly unitOfWork: UnitOfWork,
    @Inject(PAYMENT_GATEWAY) private readonly gateway: PaymentGateway,
  ) {}

  async checkout(projectId: string, planId: string, idempotencyKey: string, caller: Caller | undefined): Promise<CheckoutResult> {
    await this.access.require(projectId, caller, 'admin');
    if (!isPlanId(planId)) throw invalid('planId', 'must be pro or business');
    if (planId === 'free') throw invalid('planId', 'the free plan needs no payment');
    if (idempotencyKey.length > MAX_KEY_LENGTH) throw invalid('idempotencyKey', `must be at most ${MAX_KEY_LENGTH} characters`);
    const key = idempotencyKey === '' ? null : idempotencyKey;
    const requestDigest = createHash('sha256').update(`checkout\n${projectId}\n${planId}`).digest('base64url');
    const price = planOf(planId).price;

    const payment = await this.unitOfWork.run(async (tx) => {
      const { userId } = await this.access.requireLockedWritable(projectId, caller, 'admin', tx);
      if (key) {
        const earlier = await this.payments.findByIdempotencyKey(userId, key, tx);
        if (earlier && earlier.requestDigest !== requestDigest) {
          throw new BillingError('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was already used for another checkout. Use a new key.');
        }
        if (earlier) return earlier;
      }
      if ((await this.projects.planOf(projectId, tx))?.plan === planId) {
        throw new BillingError('ALREADY_ON_PLAN', `This project is already on the ${planOf(planId).name} plan.`);
      }
      const active = await this.payments.findActive(projectId, tx);
      if (active) {
        throw new BillingError(
          'PAYMENT_IN_PROGRESS',
          `Payment ${active.id} of this project is still in progress: confirm it, or wait until it is settled or expires.`,
        );
      }
      const id = randomUUID();
      return this.payments.insert(
        { id, projectId, planId, ...price, payerId: userId, idempotencyKey: key, requestDigest, gatewayKey: `checkout:${id}` },
        tx,
      );
    });

    const settled = !(ACTIVE_STATUSES as readonly string[]).includes(payment.status);
    if (payment.intentId || settled) return { payment, clientSecret: payment.clientSecret ?? '' };
    return this.createIntent(payment);
  }

  private async createIntent(payment: PaymentRow): Promise<CheckoutResult> {
    try {
      // Everything in the call comes from the row, so a retry sends exactly what the key was first used with.
      const intent = await this.gateway.createIntent(
        {
          amount: payment.amount,
          currency: payment.currency,
          description: `${planOf(payment.planId).name} plan (payment ${payment.id})`,
          metadata: { payment_id: payment.id, project_id: payment.projectId, plan_id: payment.planId },
        },
        payment.gatewayKey,
      );
      await this.unitOfWork.run((tx) => this.payments.recordIntent(payment.id, intent.id, intent.clientSecret, tx));
      // An earlier attempt of this call went unanswered: now the intent is known to exist, unpaid.
      const recorded = payment.status === 'unknown' ? await this.sync.apply(payment.id, { status: 'pending' }) : payment;
      return { payment: { ...recorded, intentId: intent.id, clientSecret: intent.clientSecret }, clientSecret: intent.clientSecret };
    } catch (error) {
      const failure = gatewayFailureOf(error);
      if (failure === undefined) throw error;
      if (failure === 'unknown') {
        await this.sync.apply(payment.id, { status: 'unknown' });
        throw new BillingError(
          'PAYMENT_GATEWAY_UNAVAILABLE',
          'The payment gateway did not answer. Retry the checkout with the same Idempotency-Key.',
          [],
          RETRY_AFTER_SECONDS,
        );
      }
      // Refused outright: no intent exists, so the payment can never be paid.
      await this.sync.apply(payment.id, { status: 'failed', reason: (error as Error).message });
      throw new BillingError(
        'PAYMENT_GATEWAY_UNAVAILABLE',
        'The payment gateway refused the checkout. Try again later.',
        [],
        RETRY_AFTER_SECONDS,
      );
    }
  }
}

function invalid(path: string, message: string): BillingError {
  return new BillingError('VALIDATION_FAILED', 'The checkout is invalid.', [{ path, message }]);
}
