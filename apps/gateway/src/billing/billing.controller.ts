import { Controller, Inject } from '@nestjs/common';
import { BILLING_CLIENT, type BillingClient } from '../grpc/grpc-clients.module.js';
import { pageQuery, type PageQuery } from '../http/common.dto.js';
import { Endpoint } from '../http/endpoint.decorator.js';
import { ValidBody, ValidParams, ValidQuery } from '../http/valid-input.decorator.js';
import { ARCHIVED, READ_PROJECT_ERRORS, WRITE_PROJECT_ERRORS } from '../projects/project-errors.js';
import { projectParams, type ProjectParams } from '../projects/projects.dto.js';
import { IdempotencyKey } from './billing-request.decorators.js';
import {
  checkoutBody,
  checkoutResponse,
  confirmPaymentBody,
  paymentPage,
  paymentParams,
  paymentResponse,
  planList,
  toCheckout,
  toPayment,
  toPaymentPage,
  toPlanList,
  type CheckoutBody,
  type CheckoutResponse,
  type ConfirmPaymentBody,
  type PaymentPage,
  type PaymentParams,
  type PaymentResponse,
  type PlanList,
} from './billing.dto.js';

const tag = 'Billing';

/** Plans, checkout and payments of a project; the project service decides who may do what. */
@Controller()
export class BillingController {
  constructor(@Inject(BILLING_CLIENT) private readonly billing: BillingClient) {}

  @Endpoint({
    method: 'GET',
    path: '/api/v1/plans',
    tag,
    auth: 'public',
    status: 200,
    summary: 'Every plan with its monthly price (minor units) and limits per project',
    response: planList,
    errors: [],
  })
  async listPlans(): Promise<PlanList> {
    return toPlanList(await this.billing.listPlans({}));
  }

  @Endpoint({
    method: 'POST',
    path: '/api/v1/projects/{projectId}/checkout',
    tag,
    auth: 'user',
    status: 201,
    summary: 'Start paying for a plan (project owners and admins): a pending payment with one payment intent',
    description:
      'Honours `Idempotency-Key`, in the gateway and in the ledger: the same key and body answer the same payment, another body is 422. ' +
      'One payment at a time per project (409 PAYMENT_IN_PROGRESS). 503 when the payment gateway did not answer: retry with the same key.',
    idempotent: true,
    params: projectParams,
    body: checkoutBody,
    response: checkoutResponse,
    errorCodes: {
      ...WRITE_PROJECT_ERRORS,
      409: ['ALREADY_ON_PLAN', 'PAYMENT_IN_PROGRESS', ARCHIVED],
      422: ['IDEMPOTENCY_KEY_REUSED'],
      503: ['PAYMENT_GATEWAY_UNAVAILABLE'],
    },
    errors: [],
  })
  async checkout(
    @ValidParams() params: ProjectParams,
    @ValidBody() body: CheckoutBody,
    @IdempotencyKey() idempotencyKey: string,
  ): Promise<CheckoutResponse> {
    return toCheckout(await this.billing.checkout({ projectId: params.projectId, planId: body.planId, idempotencyKey }));
  }

  @Endpoint({
    method: 'POST',
    path: '/api/v1/payments/{paymentId}/confirm',
    tag,
    auth: 'user',
    status: 200,
    summary: 'Confirm a payment with a payment method (project owners and admins)',
    description:
      'Answers the payment: `succeeded`, `processing`, `failed` (declined), or `unknown` when the payment gateway did not answer ' +
      'in time (it is settled shortly; the list of payments shows the outcome). A payment no longer pending is answered as it is.',
    idempotent: true,
    params: paymentParams,
    body: confirmPaymentBody,
    response: paymentResponse,
    errorCodes: { 403: ['FORBIDDEN'], 404: ['PAYMENT_NOT_FOUND'], 409: ['PAYMENT_IN_PROGRESS'], 503: ['PAYMENT_GATEWAY_UNAVAILABLE'] },
    errors: [],
  })
  async confirmPayment(@ValidParams() params: PaymentParams, @ValidBody() body: ConfirmPaymentBody): Promise<PaymentResponse> {
    const { payment } = await this.billing.confirmPayment({ paymentId: params.paymentId, paymentMethod: body.paymentMethod });
    return toPayment(payment);
  }

  @Endpoint({
    method: 'GET',
    path: '/api/v1/projects/{projectId}/payments',
    tag,
    auth: 'user',
    status: 200,
    summary: 'Payments of a project, newest first (its members)',
    params: projectParams,
    query: pageQuery,
    response: paymentPage,
    errorCodes: READ_PROJECT_ERRORS,
    errors: [],
  })
  async listProjectPayments(@ValidParams() params: ProjectParams, @ValidQuery() query: PageQuery): Promise<PaymentPage> {
    return toPaymentPage(
      await this.billing.listProjectPayments({ projectId: params.projectId, limit: query.limit, cursor: query.cursor ?? '' }),
    );
  }
}
