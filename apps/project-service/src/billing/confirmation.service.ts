import { LOGGER, UnitOfWork, type Caller, type Logger } from '@msp/platform';
import { Inject, Injectable } from '@nestjs/common';
import { BillingError } from './billing.errors.js';
import { PaymentAccess } from './payment-access.js';
import { PAYMENT_GATEWAY, PaymentGatewayError, type PaymentGateway } from './payment-gateway.port.js';
import { PaymentSync } from './payment-sync.js';
import { PaymentsRepository, type PaymentRow } from './payments.repository.js';

const PAYMENT_METHOD = /^[A-Za-z0-9_]{1,255}$/;

/**
 * Confirming a payment with a payment method. The attempt (method and number) is committed before
 * the call; its idempotency key `confirm:<payment>:<attempt>` is what a retry of the same attempt
 * sends again, so a confirmation whose answer was lost is repeated, never doubled.
 */
@Injectable()
export class ConfirmationService {
  constructor(
    private readonly paymentAccess: PaymentAccess,
    private readonly payments: PaymentsRepository,
    private readonly sync: PaymentSync,
    private readonly unitOfWork: UnitOfWork,
    @Inject(PAYMENT_GATEWAY) private readonly gateway: PaymentGateway,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** The payment after the attempt; one that is no longer pending is answered as it is (a repeat is harmless). */
  async confirm(paymentId: string, paymentMethod: string, caller: Caller | undefined): Promise<PaymentRow> {
    await this.paymentAccess.require(paymentId, caller, 'admin');
    if (!PAYMENT_METHOD.test(paymentMethod)) throw invalidMethod('must be a payment method id, e.g. pm_card_visa');

    const attempt = await this.unitOfWork.run(async (tx) => {
      const payment = (await this.payments.lock(paymentId, tx))!;
      if (payment.status !== 'pending') return { payment, call: false };
      if (!payment.intentId) {
        throw new BillingError('PAYMENT_IN_PROGRESS', 'The checkout is still being set up: repeat it with the same Idempotency-Key.');
      }
      if (payment.confirmMethod === null)
        return { payment: await this.payments.startConfirmation(paymentId, paymentMethod, tx), call: true };
      if (payment.confirmMethod !== paymentMethod) {
        throw new BillingError('PAYMENT_IN_PROGRESS', 'This payment is already being confirmed with another payment method.');
      }
      // The same attempt again (its answer was lost): the same key, so the gateway replays it.
      return { payment, call: true };
    });
    if (!attempt.call) return attempt.payment;
    return this.attempt(attempt.payment, paymentMethod);
  }

  private async attempt(payment: PaymentRow, paymentMethod: string): Promise<PaymentRow> {
    try {
      const intent = await this.gateway.confirmIntent(payment.intentId!, paymentMethod, `confirm:${payment.id}:${payment.confirmAttempt}`);
      return await this.sync.settleFrom(payment, intent);
    } catch (error) {
      if (!(error instanceof PaymentGatewayError)) throw error;
      switch (error.failure) {
        case 'declined':
          return this.sync.cancelDeclined(payment, error.message);
        case 'unknown':
          // Maybe charged, maybe not: never `failed`. The reconciler (or a webhook) will know.
          return this.sync.apply(payment.id, { status: 'unknown' });
        case 'rejected':
          return this.rejected(payment, error);
      }
    }
  }

  /** The gateway refused the request itself, so this attempt moved no money. */
  private async rejected(payment: PaymentRow, error: PaymentGatewayError): Promise<PaymentRow> {
    // The intent is past confirming (a webhook-confirmed or earlier attempt): its state decides.
    if (error.code === 'payment_intent_unexpected_state') return this.sync.refresh(payment, { status: 'unknown' });
    await this.unitOfWork.run((tx) => this.payments.endConfirmation(payment.id, tx));
    if (error.param === 'payment_method') throw invalidMethod(error.message);
    this.logger.error({ paymentId: payment.id, code: error.code, err: error }, 'the payment gateway refused a confirmation');
    throw new BillingError('PAYMENT_GATEWAY_UNAVAILABLE', 'The payment gateway refused the confirmation. Try again later.', [], 5);
  }
}

function invalidMethod(message: string): BillingError {
  return new BillingError('VALIDATION_FAILED', 'The payment method is invalid.', [{ path: 'paymentMethod', message }]);
}
