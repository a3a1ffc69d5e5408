import { migratedPglite, type TestDatabase } from '@msp/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GatewayEvent } from '../billing/payment-gateway.port.js';
import { migrationsFolder } from '../db/migrations-folder.js';
import { billingHarness, type BillingHarness } from './billing-harness.js';
import { failure, type TestProject } from './project-harness.js';

// Webhooks: verified, applied once per event id, and only ever moving a payment forward.

let database: TestDatabase;
let h: BillingHarness;

beforeAll(async () => {
  database = await migratedPglite('projects', migrationsFolder);
  h = await billingHarness(database);
});
afterAll(() => database?.close());

/** A payment paid with the delayed card, settled at the gateway but not (yet) in the ledger. */
async function settledAtTheGateway(p: TestProject) {
  const { payment } = await h.checkout(p, 'pro');
  await h.billing.confirmation.confirm(payment.id, 'pm_card_delayed', p.owner.caller);
  h.gateway.settleDelayed(payment.intentId!);
  const [processing, succeeded] = h.gateway.eventsOf(payment.intentId!) as [GatewayEvent, GatewayEvent];
  expect([processing.type, succeeded.type]).toEqual(['payment_intent.processing', 'payment_intent.succeeded']);
  return { payment, processing, succeeded };
}

async function sideEffectsOf(paymentId: string, projectId: string) {
  return {
    succeeded: (await h.events('payment.succeeded.v1')).filter((event) => event.data.paymentId === paymentId).length,
    planChanges: (await h.events('project.plan.changed.v1')).filter((event) => event.data.projectId === projectId).length,
  };
}

describe('payment webhooks', () => {
  it('moves a payment to succeeded and changes the plan, once, however often the event comes', async () => {
    const p = await h.project();
    const { payment, succeeded } = await settledAtTheGateway(p);
    await Promise.all([h.deliver(succeeded), h.deliver(succeeded)]);
    await h.deliver(succeeded);

    expect(await h.billing.queries.get(payment.id, p.owner.caller)).toMatchObject({ status: 'succeeded' });
    expect(await h.planOf(p.id)).toBe('pro');
    expect(await sideEffectsOf(payment.id, p.id)).toEqual({ succeeded: 1, planChanges: 1 });
  });

  it('ignores an event that names an earlier state (processing after succeeded)', async () => {
    const p = await h.project();
    const { payment, processing, succeeded } = await settledAtTheGateway(p);
    await h.deliver(succeeded);
    await h.deliver(processing);
    await h.deliver(succeeded);

    expect(await h.billing.queries.get(payment.id, p.owner.caller)).toMatchObject({ status: 'succeeded' });
    expect(await sideEffectsOf(payment.id, p.id)).toEqual({ succeeded: 1, planChanges: 1 });
  });

  it('never moves a succeeded payment back, whatever answer of an earlier call is recorded late', async () => {
    const p = await h.project();
    const { payment, succeeded } = await settledAtTheGateway(p);
    await h.deliver(succeeded);
    for (const late of [
      { status: 'unknown' },
      { status: 'processing' },
      { status: 'pending' },
      { status: 'failed', reason: 'x' },
    ] as const) {
      await expect(h.billing.sync.apply(payment.id, late)).resolves.toMatchObject({ status: 'succeeded' });
    }
    expect(await sideEffectsOf(payment.id, p.id)).toEqual({ succeeded: 1, planChanges: 1 });
  });

  it('refuses a bad signature and changes nothing, not even the record of the event', async () => {
    const p = await h.project();
    const { payment, succeeded } = await settledAtTheGateway(p);
    expect(await failure(h.deliver(succeeded, 't=1,v1=forged'))).toMatchObject({ code: 'INVALID_SIGNATURE' });
    expect(await h.billing.queries.get(payment.id, p.owner.caller)).toMatchObject({ status: 'processing' });

    // The genuine delivery of the same event still applies.
    await h.deliver(succeeded);
    expect(await h.billing.queries.get(payment.id, p.owner.caller)).toMatchObject({ status: 'succeeded' });
  });

  it('does not fail a payment on a decline webhook: the intent must be canceled first', async () => {
    const p = await h.project();
    const { payment } = await h.checkout(p, 'pro');
    h.gateway.failNext('cancelIntent', 'lost-request');
    await h.billing.confirmation.confirm(payment.id, 'pm_card_chargeDeclined', p.owner.caller);
    const declinedEvent = h.gateway.eventsOf(payment.intentId!).find((event) => event.type === 'payment_intent.payment_failed')!;
    await h.deliver(declinedEvent);
    expect(await h.billing.queries.get(payment.id, p.owner.caller)).toMatchObject({ status: 'unknown' });

    await h.billing.reconciler.pass();
    expect(await h.billing.queries.get(payment.id, p.owner.caller)).toMatchObject({
      status: 'failed',
      failureReason: 'Your card was declined.',
    });
    expect(h.gateway.intents.get(payment.intentId!)!.status).toBe('canceled');
  });

  it('applies an event for an intent whose creation answer was lost, finding the payment by its metadata', async () => {
    const p = await h.project();
    h.gateway.failNext('createIntent', 'lost-answer');
    await failure(h.checkout(p, 'pro', 'lost-create'));
    const intent = [...h.gateway.intents.values()].find((candidate) => candidate.metadata.project_id === p.id)!;
    await h.gateway.confirmIntent(intent.id, 'pm_card_visa', 'client-side-confirmation');
    await h.deliver(h.gateway.eventsOf(intent.id).at(-1)!);

    const [payment] = (await h.billing.queries.listForProject(p.id, p.owner.caller, 10, '')).items;
    expect(payment).toMatchObject({ status: 'succeeded', intentId: intent.id });
  });

  it('acknowledges events about intents that are not ours without changing anything', async () => {
    const foreign: GatewayEvent = {
      id: 'evt_foreign',
      type: 'payment_intent.succeeded',
      kind: 'intent',
      intent: { id: 'pi_foreign', status: 'succeeded', amount: 100, currency: 'usd', clientSecret: '', metadata: {}, lastError: undefined },
    };
    await expect(h.deliver(foreign)).resolves.toBeUndefined();
  });
});
