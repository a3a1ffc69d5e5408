import type { billingV1 } from '@msp/contracts';
import { callerOf } from '@msp/platform';
import { Injectable } from '@nestjs/common';
import type { CallContext } from 'nice-grpc';
import { paymentMessage, planMessage, refundMessage } from './billing-messages.js';
import { CheckoutService } from './checkout.service.js';
import { ConfirmationService } from './confirmation.service.js';
import { PaymentWebhooksService } from './payment-webhooks.service.js';
import { PaymentsQueryService } from './payments-query.service.js';
import { PLANS } from './plans.js';
import { RefundsService } from './refunds.service.js';

/** The BillingService gRPC edge: translation only, one call of a billing service per RPC. */
@Injectable()
export class BillingGrpc implements billingV1.BillingServiceImplementation {
  constructor(
    private readonly checkouts: CheckoutService,
    private readonly confirmations: ConfirmationService,
    private readonly queries: PaymentsQueryService,
    private readonly refunds: RefundsService,
    private readonly webhooks: PaymentWebhooksService,
  ) {}

  async listPlans() {
    return { items: PLANS.map(planMessage) };
  }

  async checkout(request: billingV1.CheckoutRequest, context: CallContext) {
    const result = await this.checkouts.checkout(request.projectId, request.planId, request.idempotencyKey, callerOf(context));
    return { payment: paymentMessage(result.payment), clientSecret: result.clientSecret };
  }

  async confirmPayment(request: billingV1.ConfirmPaymentRequest, context: CallContext) {
    return { payment: paymentMessage(await this.confirmations.confirm(request.paymentId, request.paymentMethod, callerOf(context))) };
  }

  async getPayment(request: billingV1.GetPaymentRequest, context: CallContext) {
    return { payment: paymentMessage(await this.queries.get(request.paymentId, callerOf(context))) };
  }

  async listProjectPayments(request: billingV1.ListProjectPaymentsRequest, context: CallContext) {
    const page = await this.queries.listForProject(request.projectId, callerOf(context), request.limit, request.cursor);
    return { items: page.items.map(paymentMessage), nextCursor: page.nextCursor };
  }

  async listAllPayments({ status, projectId, limit, cursor }: billingV1.ListAllPaymentsRequest, context: CallContext) {
    const page = await this.queries.listAll({ status, projectId }, callerOf(context), limit, cursor);
    return { items: page.items.map(paymentMessage), nextCursor: page.nextCursor };
  }

  async refundPayment(request: billingV1.RefundPaymentRequest, context: CallContext) {
    const result = await this.refunds.refund(request.paymentId, request.amount, request.idempotencyKey, callerOf(context));
    return { refund: refundMessage(result.refund), payment: paymentMessage(result.payment) };
  }

  async handlePaymentWebhook(request: billingV1.HandlePaymentWebhookRequest) {
    await this.webhooks.handle(request.rawBody, request.signature);
    return {};
  }
}
