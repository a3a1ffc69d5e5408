import { randomUUID } from 'node:crypto';
import { migratedPglite, type TestDatabase } from '@msp/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationsFolder } from '../db/migrations-folder.js';
import { billingHarness, type BillingHarness } from './billing-harness.js';
import { failure, type TestPerson, type TestProject } from './project-harness.js';

// Refunds by platform administrators: full and partial, never more than was captured, idempotent.

let database: TestDatabase;
let h: BillingHarness;
let admin: TestPerson;

beforeAll(async () => {
  database = await migratedPglite('projects', migrationsFolder);
  h = await billingHarness(database);
  admin = await h.person(['customer', 'admin']);
});
afterAll(() => database?.close());

async function paid(p: TestProject, planId = 'pro') {
  const { payment } = await h.checkout(p, planId);
  return h.billing.confirmation.confirm(payment.id, 'pm_card_visa', p.owner.caller);
}

const refund = (paymentId: string, amount?: number, key: string = randomUUID()) =>
  h.billing.refunds.refund(paymentId, amount, key, admin.caller);

describe('refunds', () => {
  it('refunds part, then the rest: partially refunded stays succeeded, all of it makes the payment refunded', async () => {
    const p = await h.project();
    const payment = await paid(p);
    const part = await refund(payment.id, 500);
    expect(part).toMatchObject({ refund: { amount: 500, status: 'succeeded' }, payment: { status: 'succeeded', refundedAmount: 500 } });
    expect(await h.planOf(p.id)).toBe('pro');

    const rest = await refund(payment.id);
    expect(rest).toMatchObject({ refund: { amount: 1400, status: 'succeeded' }, payment: { status: 'refunded', refundedAmount: 1900 } });
    expect(h.gateway.succeededCharges(payment.intentId!)[0]!.refunded).toBe(1900);
    expect((await h.events('payment.refunded.v1')).filter((e) => e.data.paymentId === payment.id).map((e) => e.data.amount)).toEqual([
      500, 1400,
    ]);
    // All of the money back undoes the purchase.
    expect(await h.planOf(p.id)).toBe('free');
    expect((await h.events('project.plan.changed.v1')).filter((e) => e.data.projectId === p.id).at(-1)).toMatchObject({
      data: { from: 'pro', to: 'free', paymentId: null },
    });
  });

  it('never refunds more than what is left of the captured amount', async () => {
    const p = await h.project();
    const payment = await paid(p);
    expect(await failure(refund(payment.id, 1901))).toMatchObject({ code: 'REFUND_TOO_LARGE', fields: [{ path: 'amount' }] });
    await refund(payment.id, 1900);
    expect(await failure(refund(payment.id, 1))).toMatchObject({ code: 'PAYMENT_NOT_REFUNDABLE' });
    expect(await failure(refund(payment.id, 0))).toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('gives back at most the payment even when refunds race', async () => {
    const p = await h.project();
    const payment = await paid(p);
    const outcomes = await Promise.allSettled([refund(payment.id, 1000), refund(payment.id, 1000), refund(payment.id, 1000)]);
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    expect(await h.billing.queries.get(payment.id, p.owner.caller)).toMatchObject({ refundedAmount: 1000 });
  });

  it('answers the same refund for a repeated Idempotency-Key, and refuses the key with another amount', async () => {
    const p = await h.project();
    const payment = await paid(p);
    const first = await refund(payment.id, 300, 'refund-key');
    const again = await refund(payment.id, 300, 'refund-key');
    expect(again.refund.id).toBe(first.refund.id);
    expect(again.payment.refundedAmount).toBe(300);
    expect(await failure(refund(payment.id, 400, 'refund-key'))).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
  });

  it('keeps a refund without an answer pending, and the reconciler replays it with its key: refunded once', async () => {
    const p = await h.project();
    const payment = await paid(p);
    h.gateway.failNext('createRefund', 'lost-answer');
    const pending = await refund(payment.id, 700);
    expect(pending).toMatchObject({ refund: { status: 'pending' }, payment: { refundedAmount: 0 } });
    // What is pending counts: 1200 is left, not 1900.
    expect(await failure(refund(payment.id, 1300))).toMatchObject({ code: 'REFUND_TOO_LARGE' });

    const aged = await billingHarness(database, { gateway: h.gateway, settings: { reconcileAfterMs: 1 } });
    await new Promise((resolve) => setTimeout(resolve, 20));
    await aged.billing.reconciler.pass();
    expect(await h.billing.queries.get(payment.id, p.owner.caller)).toMatchObject({ refundedAmount: 700 });
    expect(h.gateway.succeededCharges(payment.intentId!)[0]!.refunded).toBe(700);
  });

  it('records a refund made at the gateway directly, from its webhook, so the ledger matches the gateway', async () => {
    const p = await h.project();
    const payment = await paid(p);
    await h.gateway.createRefund({ intentId: payment.intentId!, amount: 250, metadata: {} }, 'dashboard-refund');
    const event = h.gateway.eventsOf(payment.intentId!).at(-1)!;
    await h.deliver(event);
    await h.deliver(event);
    expect(await h.billing.queries.get(payment.id, p.owner.caller)).toMatchObject({ status: 'succeeded', refundedAmount: 250 });
  });

  it('is for platform administrators only, and only for succeeded payments', async () => {
    const p = await h.project();
    const payment = await paid(p);
    expect(await failure(h.billing.refunds.refund(payment.id, undefined, '', p.owner.caller))).toMatchObject({ code: 'FORBIDDEN' });
    const { payment: pending } = await h.checkout(await h.project());
    expect(await failure(refund(pending.id))).toMatchObject({ code: 'PAYMENT_NOT_REFUNDABLE' });
    expect(await failure(refund(randomUUID()))).toMatchObject({ code: 'PAYMENT_NOT_FOUND' });
  });
});

describe('the admin payment list', () => {
  it('lists every payment newest first, filtered by status and project, in keyset pages', async () => {
    const p = await h.project();
    const first = await paid(p);
    await refund(first.id);
    const second = await paid(p, 'business');

    const page1 = await h.billing.queries.listAll({ status: '', projectId: p.id }, admin.caller, 1, '');
    expect(page1.items.map((payment) => payment.id)).toEqual([second.id]);
    const page2 = await h.billing.queries.listAll({ status: '', projectId: p.id }, admin.caller, 1, page1.nextCursor);
    expect(page2).toMatchObject({ items: [{ id: first.id }], nextCursor: '' });
    const refunded = await h.billing.queries.listAll({ status: 'refunded', projectId: p.id }, admin.caller, 10, '');
    expect(refunded.items.map((payment) => payment.id)).toEqual([first.id]);

    expect(await failure(h.billing.queries.listAll({ status: 'paid', projectId: 'x' }, admin.caller, 10, ''))).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: [{ path: 'status' }, { path: 'projectId' }],
    });
    expect(await failure(h.billing.queries.listAll({ status: '', projectId: '' }, p.owner.caller, 10, ''))).toMatchObject({
      code: 'FORBIDDEN',
    });
  });
});
