import 'server-only';
import type { ApiClientOf } from '@msp/api-client';
import { api, as, settle, type Caller, type GatewayResult } from '../gateway-core';
import type { BillingPaths, Checkout, Money, Payment, PaymentPage, Plan } from './billing-contract';

export type { Checkout, Plan } from './billing-contract';

// See billing-contract.ts: the same generated client, typed by API.md's billing shapes until the OpenAPI
// document describes them.
const billing = api as unknown as ApiClientOf<BillingPaths>;

/** A payment with its money read one way, whichever shape the gateway sends. */
export interface PaymentView {
  readonly id: string;
  readonly planId: string;
  readonly projectId: string | null;
  readonly amount: number;
  readonly currency: string;
  readonly status: string;
  readonly createdAt: string;
  readonly receiptNumber: string | null;
  readonly refundedAmount: number;
  readonly failureReason: string | null;
}

function money(value: Money | number | null | undefined, currency: string | undefined): Money {
  if (value === null || value === undefined) return { amount: 0, currency: currency ?? 'EUR' };
  return typeof value === 'number' ? { amount: value, currency: currency ?? 'EUR' } : value;
}

export function paymentView(payment: Payment): PaymentView {
  const amount = money(payment.amount, payment.currency);
  return {
    id: payment.id,
    planId: payment.planId,
    projectId: payment.projectId ?? null,
    amount: amount.amount,
    currency: amount.currency,
    status: payment.status,
    createdAt: payment.createdAt,
    receiptNumber: payment.receiptNumber || null,
    refundedAmount: money(payment.refundedAmount, amount.currency).amount,
    failureReason: payment.failureReason || null,
  };
}

function pageView(result: GatewayResult<PaymentPage>): GatewayResult<{ items: PaymentView[]; nextCursor: string | null }> {
  if (!result.ok) return result;
  return { ok: true, data: { items: result.data.items.map(paymentView), nextCursor: result.data.nextCursor ?? null } };
}

export const billingApi = {
  plans: (caller: Caller): Promise<GatewayResult<{ items: Plan[] }>> => settle(billing.GET('/api/v1/plans', as(caller)), 'json'),

  checkout: (caller: Caller, projectId: string, planId: string, idempotencyKey: string): Promise<GatewayResult<Checkout>> =>
    settle(
      billing.POST('/api/v1/projects/{projectId}/checkout', {
        params: { path: { projectId } },
        body: { planId },
        ...as(caller, { idempotencyKey }),
      }),
      'json',
    ),

  confirm: async (caller: Caller, paymentId: string, paymentMethod: string): Promise<GatewayResult<PaymentView>> => {
    const result = await settle(
      billing.POST('/api/v1/payments/{paymentId}/confirm', { params: { path: { paymentId } }, body: { paymentMethod }, ...as(caller) }),
      'json',
    );
    return result.ok ? { ok: true, data: paymentView(result.data) } : result;
  },

  projectPayments: async (caller: Caller, projectId: string, query: { limit?: number; cursor?: string }) =>
    pageView(
      await settle(billing.GET('/api/v1/projects/{projectId}/payments', { params: { path: { projectId }, query }, ...as(caller) }), 'json'),
    ),

  allPayments: async (caller: Caller, query: { status?: string; projectId?: string; limit?: number; cursor?: string }) =>
    pageView(await settle(billing.GET('/api/v1/admin/payments', { params: { query }, ...as(caller) }), 'json')),

  refund: (caller: Caller, paymentId: string, amount: number | undefined, idempotencyKey: string): Promise<GatewayResult<unknown>> =>
    settle(
      billing.POST('/api/v1/admin/payments/{paymentId}/refund', {
        params: { path: { paymentId } },
        body: amount === undefined ? {} : { amount },
        ...as(caller, { idempotencyKey }),
      }),
      'json',
    ),
} as const;
