import 'server-only';
import { api, as, settle, type Caller, type GatewayResult } from '../gateway-core';
import type { Answer, Body, ItemOf, Query } from './types';

export type Plan = ItemOf<Answer<'/api/v1/plans', 'get'>>;
export type Checkout = Answer<'/api/v1/projects/{projectId}/checkout', 'post', 201>;
export type PaymentPage = Answer<'/api/v1/projects/{projectId}/payments', 'get'>;
export type Payment = ItemOf<PaymentPage>;
export type PaymentQuery = Query<'/api/v1/admin/payments', 'get'>;
export type PaymentStatus = Payment['status'];
export type PaidPlanId = Body<'/api/v1/projects/{projectId}/checkout', 'post'>['planId'];

const PAID_PLANS: readonly string[] = ['pro', 'business'] satisfies PaidPlanId[];
const PAYMENT_STATUSES: readonly string[] = [
  'pending',
  'processing',
  'succeeded',
  'failed',
  'refunded',
  'unknown',
] satisfies PaymentStatus[];

/** Form fields arrive as strings: these say whether one names a plan one can buy, or a payment status. */
export const isPaidPlan = (value: string): value is PaidPlanId => PAID_PLANS.includes(value);
export const isPaymentStatus = (value: string): value is PaymentStatus => PAYMENT_STATUSES.includes(value);

const payment = (paymentId: string) => ({ params: { path: { paymentId } } });

export const billingApi = {
  plans: (caller: Caller): Promise<GatewayResult<{ items: Plan[] }>> => settle(api.GET('/api/v1/plans', as(caller)), 'json'),

  checkout: (caller: Caller, projectId: string, planId: PaidPlanId, idempotencyKey: string): Promise<GatewayResult<Checkout>> =>
    settle(
      api.POST('/api/v1/projects/{projectId}/checkout', {
        params: { path: { projectId } },
        body: { planId },
        ...as(caller, { idempotencyKey }),
      }),
      'json',
    ),

  confirm: (caller: Caller, paymentId: string, paymentMethod: string): Promise<GatewayResult<Payment>> =>
    settle(api.POST('/api/v1/payments/{paymentId}/confirm', { ...payment(paymentId), body: { paymentMethod }, ...as(caller) }), 'json'),

  projectPayments: (caller: Caller, projectId: string, query: { limit?: number; cursor?: string }): Promise<GatewayResult<PaymentPage>> =>
    settle(api.GET('/api/v1/projects/{projectId}/payments', { params: { path: { projectId }, query }, ...as(caller) }), 'json'),

  allPayments: (caller: Caller, query: PaymentQuery): Promise<GatewayResult<PaymentPage>> =>
    settle(api.GET('/api/v1/admin/payments', { params: { query }, ...as(caller) }), 'json'),

  refund: (caller: Caller, paymentId: string, amount: number | undefined, idempotencyKey: string) =>
    settle(
      api.POST('/api/v1/admin/payments/{paymentId}/refund', {
        ...payment(paymentId),
        body: amount === undefined ? {} : { amount },
        ...as(caller, { idempotencyKey }),
      }),
      'json',
    ),
} as const;
