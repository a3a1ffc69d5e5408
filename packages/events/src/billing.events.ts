import { z } from 'zod';

const id = z.uuid();
const plan = z.enum(['free', 'pro', 'business']);
/** Amounts are in the currency's minor unit (cents), as the payment gateway counts them. */
const amount = z.number().int().nonnegative();
const currency = z.string().regex(/^[a-z]{3}$/);

/** Billing events of the project service: what Communications turns into receipts and failure notices. */
export const billingEvents = {
  /** A payment was captured. The payer gets a receipt. */
  'payment.succeeded.v1': z.object({
    paymentId: id,
    projectId: id,
    projectName: z.string(),
    /** The user who started the checkout: the receipt goes to them. */
    payerId: id,
    plan,
    amount,
    currency,
    /** Human receipt number, e.g. `R-2026-000042`. */
    receiptNumber: z.string(),
    succeededAt: z.iso.datetime({ offset: true }),
  }),
  /** A payment was declined or failed for good. The payer is told, with the gateway's reason. */
  'payment.failed.v1': z.object({
    paymentId: id,
    projectId: id,
    projectName: z.string(),
    payerId: id,
    plan,
    amount,
    currency,
    reason: z.string(),
  }),
  /** Money went back to the payer, all of it or part. */
  'payment.refunded.v1': z.object({
    paymentId: id,
    refundId: id,
    projectId: id,
    projectName: z.string(),
    payerId: id,
    amount,
    currency,
  }),
  /** A project's plan changed after a successful payment (or a downgrade). */
  'project.plan.changed.v1': z.object({
    projectId: id,
    from: plan,
    to: plan,
    /** The payment that paid for the change; null for a downgrade. */
    paymentId: id.nullable(),
  }),
} as const;
