import type { EventRecorder, Db, UnitOfWork } from '@msp/platform';
import { migratedPglite, type TestDatabase } from '@msp/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationsFolder } from '../db/migrations-folder.js';
import { billingHarness, type BillingHarness } from './billing-harness.js';
import { failure } from './project-harness.js';

// The reconciler settles what the request path could not: unanswered calls, crashes between a
// gateway call and its commit, lost webhooks, abandoned checkouts, refunds without an answer.

let database: TestDatabase;
let h: BillingHarness;

beforeAll(async () => {
  database = await migratedPglite('projects', migrationsFolder);
  h = await billingHarness(database);
});
afterAll(() => database?.close());

/**
 * A unit of work whose `crashAt`-th transaction dies just before its commit, as a process killed
 * between a gateway call and recording its answer: the work ran, nothing of it is committed.
 */
function crashingAt(crashAt: number) {
  return (inner: UnitOfWork): UnitOfWork => {
    let runs = 0;
    return {
      run<R>(work: (tx: Db, events: EventRecorder) => Promise<R>): Promise<R> {
        runs++;
        if (runs !== crashAt) return inner.run(work);
        return inner.run(async (tx, events) => {
          await work(tx, events);
          throw new Error('killed before the commit');
        });
      },
    } as UnitOfWork;
  };
}

const stale = () => h.settings.reconcileAfterMs + 1_000;

describe('the payment reconciler', () => {
  it('settles a payment confirmed at the gateway by a process that died before its commit: paid once, not lost', async () => {
    const p = await h.project();
    const { payment } = await h.checkout(p, 'pro');
    // The same database and gateway; a service whose second transaction (the confirm's answer) never commits.
    const dying = await billingHarness(database, { gateway: h.gateway, wrapUnitOfWork: crashingAt(2) });
    expect(await failure(dying.billing.confirmation.confirm(payment.id, 'pm_card_visa', p.owner.caller))).toMatchObject({
      message: 'killed before the commit',
    });
    expect(await h.billing.queries.get(payment.id, p.owner.caller)).toMatchObject({ status: 'pending', confirmMethod: 'pm_card_visa' });

    // Restarted: nothing is due until the payment has been quiet for a while, then it is settled.
    await h.billing.reconciler.pass();
    expect(await h.billing.queries.get(payment.id, p.owner.caller)).toMatchObject({ status: 'pending' });
    await h.age(payment.id, stale());
    await h.billing.reconciler.pass();

    expect(await h.billing.queries.get(payment.id, p.owner.caller)).toMatchObject({ status: 'succeeded' });
    expect(h.gateway.succeededCharges(payment.intentId!)).toHaveLength(1);
    expect(await h.planOf(p.id)).toBe('pro');
  });

  it('finds the intent of a checkout that died before recording it, by the payment id in its metadata', async () => {
    const p = await h.project();
    const dying = await billingHarness(database, { gateway: h.gateway, wrapUnitOfWork: crashingAt(2) });
    await failure(dying.billing.checkout.checkout(p.id, 'pro', 'died', p.owner.caller));
    const [payment] = (await h.billing.queries.listForProject(p.id, p.owner.caller, 10, '')).items;
    expect(payment).toMatchObject({ status: 'pending', intentId: null });

    await h.age(payment!.id, stale());
    await h.billing.reconciler.pass();
    const found = await h.billing.queries.get(payment!.id, p.owner.caller);
    expect(found.intentId).toMatch(/^pi_/);
    expect(h.gateway.calls.some((call) => call.method === 'findIntentByPaymentId')).toBe(true);
    // The client's retry now gets the intent's client secret, and no second intent exists.
    await expect(h.checkout(p, 'pro', 'died')).resolves.toMatchObject({ payment: { id: payment!.id }, clientSecret: /^secret_/ });
    expect([...h.gateway.intents.values()].filter((intent) => intent.metadata.payment_id === payment!.id)).toHaveLength(1);
  });

  it('fails a checkout whose intent was never created, once it is stale: nothing can have been charged', async () => {
    const p = await h.project();
    h.gateway.failNext('createIntent', 'lost-request');
    await failure(h.checkout(p, 'pro'));
    const [payment] = (await h.billing.queries.listForProject(p.id, p.owner.caller, 10, '')).items;
    await h.billing.reconciler.pass();
    expect(await h.billing.queries.get(payment!.id, p.owner.caller)).toMatchObject({ status: 'unknown' });

    await h.age(payment!.id, stale());
    await h.billing.reconciler.pass();
    expect(await h.billing.queries.get(payment!.id, p.owner.caller)).toMatchObject({ status: 'failed' });
  });

  it('settles a payment whose webhook was lost, and a delayed one once the gateway has settled it', async () => {
    const p = await h.project();
    const { payment } = await h.checkout(p, 'business');
    await h.billing.confirmation.confirm(payment.id, 'pm_card_delayed', p.owner.caller);
    h.gateway.settleDelayed(payment.intentId!);
    await h.age(payment.id, stale());
    await h.billing.reconciler.pass();
    expect(await h.billing.queries.get(payment.id, p.owner.caller)).toMatchObject({ status: 'succeeded' });
    expect(await h.planOf(p.id)).toBe('business');
  });

  it('leaves a payment unknown while the gateway cannot be reached, never failed', async () => {
    const p = await h.project();
    const { payment } = await h.checkout(p, 'pro');
    h.gateway.failNext('confirmIntent', 'lost-answer');
    await h.billing.confirmation.confirm(payment.id, 'pm_card_visa', p.owner.caller);
    h.gateway.failNext('retrieveIntent', 'lost-request', 'lost-request');
    await h.billing.reconciler.pass();
    await h.billing.reconciler.pass();
    expect(await h.billing.queries.get(payment.id, p.owner.caller)).toMatchObject({ status: 'unknown' });
    await h.billing.reconciler.pass();
    expect(await h.billing.queries.get(payment.id, p.owner.caller)).toMatchObject({ status: 'succeeded' });
  });

  it('cancels a checkout abandoned past its expiry, so the project can check out again', async () => {
    const p = await h.project();
    const { payment } = await h.checkout(p, 'pro');
    await h.age(payment.id, h.settings.checkoutExpiryMs + 1_000);
    await h.billing.reconciler.pass();
    expect(await h.billing.queries.get(payment.id, p.owner.caller)).toMatchObject({
      status: 'failed',
      failureReason: 'The checkout expired before it was paid.',
    });
    expect(h.gateway.intents.get(payment.intentId!)!.status).toBe('canceled');
    await expect(h.checkout(p, 'pro')).resolves.toMatchObject({ payment: { status: 'pending' } });
  });

  it('looks at a quiet pending checkout again only after the quiet period, not on every pass', async () => {
    const p = await h.project();
    const { payment } = await h.checkout(p, 'pro');
    await h.age(payment.id, stale());
    const retrieves = () => h.gateway.calls.filter((call) => call.method === 'retrieveIntent').length;
    const before = retrieves();
    await h.billing.reconciler.pass();
    await h.billing.reconciler.pass();
    expect(retrieves() - before).toBe(1);
  });
});
