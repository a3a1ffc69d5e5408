import type { billingV1 } from '@msp/contracts';
import type { PaymentRow } from './payments.repository.js';
import type { Plan } from './plans.js';
import type { RefundRow } from './refunds.repository.js';

// Ledger rows → wire messages, field by field: nothing reaches the wire by accident (no keys, no secrets).

export function planMessage(plan: Plan): billingV1.Plan {
  return {
    id: plan.id,
    name: plan.name,
    price: { ...plan.price },
    interval: plan.interval,
    // The wire says 0 for "no limit".
    limits: { members: plan.limits.members ?? 0, tasks: plan.limits.tasks ?? 0 },
  };
}

export function paymentMessage(payment: PaymentRow): billingV1.Payment {
  return {
    id: payment.id,
    projectId: payment.projectId,
    planId: payment.planId,
    amount: payment.amount,
    currency: payment.currency,
    status: payment.status,
    failureReason: payment.failureReason ?? '',
    refundedAmount: payment.refundedAmount,
    receiptNumber: payment.receiptNumber ?? '',
    payerId: payment.payerId,
    createdAt: payment.createdAt,
    updatedAt: payment.updatedAt,
  };
}

export function refundMessage(refund: RefundRow): billingV1.Refund {
  const { id, paymentId, amount, status, createdAt } = refund;
  return { id, paymentId, amount, status, createdAt };
}
