import type { billingV1 } from '@msp/contracts';
import { z } from 'zod';
import { emptyToNull, isoOf, knownValueOf, pageOf, pageQuery, timestamp } from '../http/common.dto.js';

export const PLAN_IDS = ['free', 'pro', 'business'] as const;
export const PAYMENT_STATUSES = ['pending', 'processing', 'succeeded', 'failed', 'refunded', 'unknown'] as const;
export const REFUND_STATUSES = ['pending', 'succeeded', 'failed'] as const;

const minorUnits = z.number().int().nonnegative().describe("In the currency's minor unit (cents)");
const limit = z.number().int().positive().nullable().describe('null: no limit');

export const planResponse = z.object({
  id: z.enum(PLAN_IDS),
  name: z.string(),
  price: z.object({ amount: minorUnits, currency: z.string().describe('ISO 4217, lower case, e.g. eur') }),
  interval: z.literal('month'),
  limits: z.object({
    members: limit.describe('Members per project; null: no limit'),
    tasks: limit.describe('Live tasks per project; null: no limit'),
  }),
});
export type PlanResponse = z.output<typeof planResponse>;

export const planList = z.object({ items: z.array(planResponse) });
export type PlanList = z.output<typeof planList>;

export const checkoutBody = z.strictObject({
  planId: z.enum(['pro', 'business'], 'must be pro or business (free needs no payment)'),
});
export type CheckoutBody = z.output<typeof checkoutBody>;

export const checkoutResponse = z.object({
  paymentId: z.uuid(),
  status: z.enum(PAYMENT_STATUSES),
  clientSecret: z.string().describe("The payment intent's client secret, for confirming on the client"),
});
export type CheckoutResponse = z.output<typeof checkoutResponse>;

export const paymentParams = z.strictObject({ paymentId: z.uuid() });
export type PaymentParams = z.output<typeof paymentParams>;

export const confirmPaymentBody = z.strictObject({
  paymentMethod: z
    .string()
    .regex(/^[A-Za-z0-9_]{1,255}$/, 'must be a payment method id')
    .describe('A payment method id; in development the sandbox test cards, e.g. pm_card_visa'),
});
export type ConfirmPaymentBody = z.output<typeof confirmPaymentBody>;

export const paymentResponse = z.object({
  id: z.uuid(),
  projectId: z.uuid(),
  planId: z.enum(PLAN_IDS),
  amount: minorUnits,
  currency: z.string(),
  status: z
    .enum(PAYMENT_STATUSES)
    .describe('unknown: a call to the payment gateway got no answer; it is settled against the gateway shortly, never failed by guess'),
  failureReason: z.string().nullable(),
  refundedAmount: minorUnits,
  receiptNumber: z.string().nullable(),
  payerId: z.uuid(),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type PaymentResponse = z.output<typeof paymentResponse>;

export const paymentPage = pageOf(paymentResponse);
export type PaymentPage = z.output<typeof paymentPage>;

export const adminPaymentsQuery = pageQuery.extend({
  status: z.enum(PAYMENT_STATUSES).optional(),
  projectId: z.uuid().optional(),
});
export type AdminPaymentsQuery = z.output<typeof adminPaymentsQuery>;

export const refundBody = z
  .strictObject({ amount: z.number().int().positive().optional().describe('Minor units; left out, whatever is left is refunded') })
  .optional();
export type RefundBody = z.output<typeof refundBody>;

export const refundResponse = z.object({
  id: z.uuid(),
  paymentId: z.uuid(),
  amount: minorUnits,
  status: z.enum(REFUND_STATUSES).describe('pending: the payment gateway has not answered yet; it is retried with the same key'),
  createdAt: timestamp,
  payment: paymentResponse,
});
export type RefundResponse = z.output<typeof refundResponse>;

export const webhookHeaders = z.object({
  'stripe-signature': z.string().min(1).max(4096).describe('The payment gateway’s signature of the raw body (t=…,v1=…)'),
});
export type WebhookHeaders = z.output<typeof webhookHeaders>;

export const webhookResponse = z.object({ received: z.literal(true) });
export type WebhookResponse = z.output<typeof webhookResponse>;

export function toPlanList(response: billingV1.ListPlansResponse): PlanList {
  return {
    items: response.items.map((plan) => ({
      id: knownValueOf(PLAN_IDS, plan.id, 'plan'),
      name: plan.name,
      price: { amount: plan.price?.amount ?? 0, currency: plan.price?.currency ?? '' },
      interval: 'month',
      // The wire says 0 for "no limit"; JSON says null.
      limits: { members: plan.limits?.members || null, tasks: plan.limits?.tasks || null },
    })),
  };
}

export function toPayment(payment: billingV1.Payment | undefined): PaymentResponse {
  if (!payment) throw new Error('billing service answered without a payment');
  return {
    id: payment.id,
    projectId: payment.projectId,
    planId: knownValueOf(PLAN_IDS, payment.planId, 'plan'),
    amount: payment.amount,
    currency: payment.currency,
    status: knownValueOf(PAYMENT_STATUSES, payment.status, 'payment status'),
    failureReason: emptyToNull(payment.failureReason),
    refundedAmount: payment.refundedAmount,
    receiptNumber: emptyToNull(payment.receiptNumber),
    payerId: payment.payerId,
    createdAt: isoOf(payment.createdAt, 'payment.createdAt'),
    updatedAt: isoOf(payment.updatedAt, 'payment.updatedAt'),
  };
}

export function toCheckout(response: billingV1.CheckoutResponse): CheckoutResponse {
  const payment = toPayment(response.payment);
  return { paymentId: payment.id, status: payment.status, clientSecret: response.clientSecret };
}

export function toPaymentPage(response: billingV1.ListProjectPaymentsResponse | billingV1.ListAllPaymentsResponse): PaymentPage {
  return { items: response.items.map(toPayment), nextCursor: emptyToNull(response.nextCursor) };
}

export function toRefund(response: billingV1.RefundPaymentResponse): RefundResponse {
  const refund = response.refund;
  if (!refund) throw new Error('billing service answered a refund without the refund');
  return {
    id: refund.id,
    paymentId: refund.paymentId,
    amount: refund.amount,
    status: knownValueOf(REFUND_STATUSES, refund.status, 'refund status'),
    createdAt: isoOf(refund.createdAt, 'refund.createdAt'),
    payment: toPayment(response.payment),
  };
}
