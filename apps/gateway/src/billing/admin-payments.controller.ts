import { Controller, Inject } from '@nestjs/common';
import { BILLING_CLIENT, type BillingClient } from '../grpc/grpc-clients.module.js';
import { Endpoint } from '../http/endpoint.decorator.js';
import { ValidBody, ValidParams, ValidQuery } from '../http/valid-input.decorator.js';
import { IdempotencyKey } from './billing-request.decorators.js';
import {
  adminPaymentsQuery,
  paymentPage,
  paymentParams,
  refundBody,
  refundResponse,
  toPaymentPage,
  toRefund,
  type AdminPaymentsQuery,
  type PaymentPage,
  type PaymentParams,
  type RefundBody,
  type RefundResponse,
} from './billing.dto.js';

/** Payments across the platform, for administrators: the list and refunds. */
@Controller()
export class AdminPaymentsController {
  constructor(@Inject(BILLING_CLIENT) private readonly billing: BillingClient) {}

  @Endpoint({
    method: 'GET',
    path: '/api/v1/admin/payments',
    tag: 'Admin',
    auth: 'admin',
    status: 200,
    summary: 'Every payment, newest first, filtered by status and project',
    query: adminPaymentsQuery,
    response: paymentPage,
    errors: [],
  })
  async listAllPayments(@ValidQuery() query: AdminPaymentsQuery): Promise<PaymentPage> {
    return toPaymentPage(
      await this.billing.listAllPayments({
        status: query.status ?? '',
        projectId: query.projectId ?? '',
        limit: query.limit,
        cursor: query.cursor ?? '',
      }),
    );
  }

  @Endpoint({
    method: 'POST',
    path: '/api/v1/admin/payments/{paymentId}/refund',
    tag: 'Admin',
    auth: 'admin',
    status: 201,
    summary: 'Refund a payment, all of what is left or `amount` of it (minor units)',
    description:
      'Never more than was captured: pending refunds count against what is left. Honours `Idempotency-Key` in the gateway and the ' +
      'ledger, so a retried request refunds once. A refund the payment gateway has not confirmed yet is answered `pending`.',
    idempotent: true,
    params: paymentParams,
    body: refundBody,
    response: refundResponse,
    errorCodes: {
      400: ['REFUND_TOO_LARGE'],
      404: ['PAYMENT_NOT_FOUND'],
      409: ['PAYMENT_NOT_REFUNDABLE', 'REFUND_REJECTED'],
      422: ['IDEMPOTENCY_KEY_REUSED'],
    },
    errors: [],
  })
  async refundPayment(
    @ValidParams() params: PaymentParams,
    @ValidBody() body: RefundBody,
    @IdempotencyKey() idempotencyKey: string,
  ): Promise<RefundResponse> {
    return toRefund(await this.billing.refundPayment({ paymentId: params.paymentId, amount: body?.amount, idempotencyKey }));
  }
}
