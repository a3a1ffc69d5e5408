import { migratedPglite, type TestDatabase } from '@msp/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationsFolder } from '../db/migrations-folder.js';
import { billingHarness, type BillingHarness } from './billing-harness.js';
import { failure } from './project-harness.js';

// Checkout and confirmation through the real ledger on PGlite, against the fake gateway.

let database: TestDatabase;
let h: BillingHarness;

beforeAll(async () => {
  database = await migratedPglite('projects', migrationsFolder);
  h = await billingHarness(database);
});
afterAll(() => database?.close());

describe('checkout', () => {
  it('commits a pending payment, then creates one intent with the key stored on it', async () => {
    const p = await h.project();
    const { payment, clientSecret } = await h.checkout(p, 'pro');

    expect(payment).toMatchObject({
      projectId: p.id,
      planId: 'pro',
      amount: 1900,
      currency: 'eur',
      status: 'pending',
      payerId: p.owner.userId,
    });
    expect(clientSecret).toMatch(/^secret_/);
    expect(h.gateway.calls.filter((call) => call.method === 'createIntent').at(-1)).toEqual({
      method: 'createIntent',
      key: `checkout:${payment.id}`,
    });
    const intent = h.gateway.intents.get(payment.intentId!)!;
    expect(intent.metadata).toEqual({ payment_id: payment.id, project_id: p.id, plan_id: 'pro' });
  });

  it('answers the same payment for the same Idempotency-Key and body, without a second intent', async () => {
    const p = await h.project();
    const intentsBefore = h.gateway.intents.size;
    const first = await h.checkout(p, 'pro', 'key-1');
    const again = await h.checkout(p, 'pro', 'key-1');

    expect(again.payment.id).toBe(first.payment.id);
    expect(again.clientSecret).toBe(first.clientSecret);
    expect(h.gateway.intents.size).toBe(intentsBefore + 1);
  });

  it('refuses the same Idempotency-Key with another body', async () => {
    const p = await h.project();
    await h.checkout(p, 'pro', 'key-2');
    expect(await failure(h.checkout(p, 'business', 'key-2'))).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
  });

  it('allows one active payment per project; another checkout waits until it is settled', async () => {
    const p = await h.project();
    await h.checkout(p, 'pro');
    expect(await failure(h.checkout(p, 'business'))).toMatchObject({ code: 'PAYMENT_IN_PROGRESS' });
  });

  it('keeps one active payment per project even when two checkouts race', async () => {
    const p = await h.project();
    const outcomes = await Promise.allSettled([h.checkout(p, 'pro'), h.checkout(p, 'business'), h.checkout(p, 'pro')]);
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
  });

  it('retries an unanswered intent creation with the same key, and the gateway answers the same intent', async () => {
    const p = await h.project();
    h.gateway.failNext('createIntent', 'lost-answer');
    expect(await failure(h.checkout(p, 'pro', 'key-lost'))).toMatchObject({ code: 'PAYMENT_GATEWAY_UNAVAILABLE' });
    const [unknown] = (await h.billing.queries.listForProject(p.id, p.owner.caller, 10, '')).items;
    expect(unknown).toMatchObject({ status: 'unknown', intentId: null });

    const retried = await h.checkout(p, 'pro', 'key-lost');
    expect(retried.payment).toMatchObject({ id: unknown!.id, status: 'pending' });
    expect([...h.gateway.intents.values()].filter((intent) => intent.metadata.payment_id === unknown!.id)).toHaveLength(1);
  });

  it('takes only paid plans other than the current one, from owners and admins of the project', async () => {
    const p = await h.project();
    expect(await failure(h.checkout(p, 'free'))).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: 'planId' }] });
    expect(await failure(h.checkout(p, 'gold'))).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(await failure(h.billing.checkout.checkout(p.id, 'pro', '', p.member.caller))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await failure(h.billing.checkout.checkout(p.id, 'pro', '', p.outsider.caller))).toMatchObject({ code: 'PROJECT_NOT_FOUND' });
    await expect(h.billing.checkout.checkout(p.id, 'pro', '', p.admin.caller)).resolves.toMatchObject({ payment: { status: 'pending' } });
  });
});

describe('confirmation', () => {
  it('captures with a good card: succeeded, a receipt number, the plan changed, events once', async () => {
    const p = await h.project();
    const { payment } = await h.checkout(p, 'business');
    const paid = await h.billing.confirmation.confirm(payment.id, 'pm_card_visa', p.owner.caller);

    expect(paid).toMatchObject({ status: 'succeeded', receiptNumber: expect.stringMatching(/^R-\d{4}-\d{6}$/), previousPlan: 'free' });
    expect(await h.planOf(p.id)).toBe('business');
    expect((await h.events('payment.succeeded.v1')).filter((e) => e.data.paymentId === payment.id)).toMatchObject([
      { data: { plan: 'business', amount: 4900, currency: 'eur', payerId: p.owner.userId, receiptNumber: paid.receiptNumber } },
    ]);
    expect((await h.events('project.plan.changed.v1')).filter((e) => e.data.projectId === p.id)).toMatchObject([
      { data: { from: 'free', to: 'business', paymentId: payment.id } },
    ]);
    expect(h.gateway.calls.filter((call) => call.method === 'confirmIntent').at(-1)?.key).toBe(`confirm:${payment.id}:1`);
  });

  it('answers a settled payment as it is when confirmed again, without calling the gateway', async () => {
    const p = await h.project();
    const { payment } = await h.checkout(p);
    await h.billing.confirmation.confirm(payment.id, 'pm_card_visa', p.owner.caller);
    const calls = h.gateway.calls.length;
    await expect(h.billing.confirmation.confirm(payment.id, 'pm_card_visa', p.owner.caller)).resolves.toMatchObject({
      status: 'succeeded',
    });
    expect(h.gateway.calls.length).toBe(calls);
  });

  it('fails a declined payment only after canceling its intent, and tells the payer once', async () => {
    const p = await h.project();
    const { payment } = await h.checkout(p);
    const declined = await h.billing.confirmation.confirm(payment.id, 'pm_card_chargeDeclined', p.owner.caller);

    expect(declined).toMatchObject({ status: 'failed', failureReason: 'Your card was declined.' });
    expect(h.gateway.intents.get(payment.intentId!)!.status).toBe('canceled');
    expect((await h.events('payment.failed.v1')).filter((e) => e.data.paymentId === payment.id)).toMatchObject([
      { data: { reason: 'Your card was declined.', payerId: p.owner.userId } },
    ]);
    expect(await h.planOf(p.id)).toBe('free');
    // The project may check out again.
    await expect(h.checkout(p)).resolves.toMatchObject({ payment: { status: 'pending' } });
  });

  it('is processing for a delayed card until the gateway settles it', async () => {
    const p = await h.project();
    const { payment } = await h.checkout(p);
    await expect(h.billing.confirmation.confirm(payment.id, 'pm_card_delayed', p.owner.caller)).resolves.toMatchObject({
      status: 'processing',
    });
    expect(await h.planOf(p.id)).toBe('free');
  });

  it('records a timeout as unknown, never failed; a retry of the same attempt reuses its key and charges once', async () => {
    const p = await h.project();
    const { payment } = await h.checkout(p);
    h.gateway.failNext('confirmIntent', 'lost-answer');
    await expect(h.billing.confirmation.confirm(payment.id, 'pm_card_visa', p.owner.caller)).resolves.toMatchObject({ status: 'unknown' });
    expect(h.gateway.succeededCharges(payment.intentId!)).toHaveLength(1);

    // The client does not know either and tries again: the reconciler settles it, not a second charge.
    await expect(h.billing.confirmation.confirm(payment.id, 'pm_card_visa', p.owner.caller)).resolves.toMatchObject({ status: 'unknown' });
    await h.billing.reconciler.pass();
    expect(await h.billing.queries.get(payment.id, p.owner.caller)).toMatchObject({ status: 'succeeded' });
    expect(h.gateway.succeededCharges(payment.intentId!)).toHaveLength(1);
  });

  it('repeats a lost-request attempt under the same key when confirmed again before it is settled', async () => {
    const p = await h.project();
    const { payment } = await h.checkout(p);
    h.gateway.failNext('confirmIntent', 'lost-request');
    await h.billing.confirmation.confirm(payment.id, 'pm_card_visa', p.owner.caller);
    // Nothing happened at the gateway; after a quiet while the reconciler returns it to pending.
    await h.age(payment.id, h.settings.reconcileAfterMs + 1_000);
    await h.billing.reconciler.pass();
    const pending = await h.billing.queries.get(payment.id, p.owner.caller);
    expect(pending).toMatchObject({ status: 'pending', confirmMethod: null, confirmAttempt: 1 });

    await expect(h.billing.confirmation.confirm(payment.id, 'pm_card_visa', p.owner.caller)).resolves.toMatchObject({
      status: 'succeeded',
    });
    expect(h.gateway.calls.filter((call) => call.method === 'confirmIntent').map((call) => call.key)).toEqual(
      expect.arrayContaining([`confirm:${payment.id}:1`, `confirm:${payment.id}:2`]),
    );
    expect(h.gateway.succeededCharges(payment.intentId!)).toHaveLength(1);
  });

  it('names the payment method the gateway does not know, and lets the payment be confirmed again', async () => {
    const p = await h.project();
    const { payment } = await h.checkout(p);
    expect(await failure(h.billing.confirmation.confirm(payment.id, 'pm_card_bogus', p.owner.caller))).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: [{ path: 'paymentMethod' }],
    });
    expect(await failure(h.billing.confirmation.confirm(payment.id, 'not a method!', p.owner.caller))).toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    await expect(h.billing.confirmation.confirm(payment.id, 'pm_card_visa', p.owner.caller)).resolves.toMatchObject({
      status: 'succeeded',
    });
  });

  it('hides payments of projects the caller is not in, and lets only owners and admins confirm', async () => {
    const p = await h.project();
    const { payment } = await h.checkout(p);
    expect(await failure(h.billing.confirmation.confirm(payment.id, 'pm_card_visa', p.outsider.caller))).toMatchObject({
      code: 'PAYMENT_NOT_FOUND',
    });
    expect(await failure(h.billing.queries.get(payment.id, p.outsider.caller))).toMatchObject({ code: 'PAYMENT_NOT_FOUND' });
    expect(await failure(h.billing.confirmation.confirm(payment.id, 'pm_card_visa', p.viewer.caller))).toMatchObject({ code: 'FORBIDDEN' });
    await expect(h.billing.queries.listForProject(p.id, p.viewer.caller, 10, '')).resolves.toMatchObject({ items: [{ id: payment.id }] });
    expect(await failure(h.billing.queries.listForProject(p.id, p.outsider.caller, 10, ''))).toMatchObject({ code: 'PROJECT_NOT_FOUND' });
  });
});
