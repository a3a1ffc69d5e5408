import { randomUUID } from 'node:crypto';
import { signatureHeader } from '@msp/payment-sandbox';
import { DevInboxClient, TestGatewayClient, type GatewayResponse } from '@msp/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PaymentSandboxClient } from './payment-sandbox-client.js';
import { generousRateLimits, type RunningPlatform } from './platforms.js';
import { newProject } from './project-helpers.js';
import { newCustomer } from './security-helpers.js';

// The password avoids the address's local part: the scaled spec registers this administrator like any user.
export const BILLING_ADMIN = { email: 'billing-admin@example.test', password: 'payments-admin-password-1' };
const ADMIN = BILLING_ADMIN;
const WEBHOOK_SECRET = 'whsec_billing_suite';

/**
 * What the suite needs the platform started with: an administrator for refunds, a short gateway
 * timeout and a quick reconciler (so `unknown` settles within the test), and the sandbox's slow
 * cards made quick. The same variables configure the embedded and the distributed platform.
 */
export const billingEnv = {
  ...generousRateLimits,
  PLATFORM_ADMIN_EMAIL: ADMIN.email,
  PLATFORM_ADMIN_PASSWORD: ADMIN.password,
  PAYMENT_SANDBOX_WEBHOOK_SECRET: WEBHOOK_SECRET,
  PAYMENT_WEBHOOK_SECRET: WEBHOOK_SECRET,
  PAYMENT_GATEWAY_TIMEOUT_MS: '1000',
  PAYMENT_RECONCILE_INTERVAL_MS: '300',
  PAYMENT_RECONCILE_AFTER_MS: '5000',
  PAYMENT_SANDBOX_TIMEOUT_CARD_MS: '4000',
  PAYMENT_SANDBOX_DELAYED_CARD_MS: '700',
  PAYMENT_SANDBOX_WEBHOOK_RETRY_MS: '200',
};

export type BillingPlatform = RunningPlatform & { paymentSandboxUrl: string };

interface Payment {
  id: string;
  status: string;
  amount: number;
  refundedAmount: number;
  planId: string;
  receiptNumber: string | null;
  failureReason: string | null;
}

/** Polls until `check` passes (it throws until then), for what settles asynchronously. */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
  }
}

/**
 * Issue 6's acceptance, through the gateway with the payment sandbox as the payment gateway: no
 * double charge, no lost payment, whatever the network and the webhooks do.
 */
export function billingSuite(mode: string, start: () => Promise<BillingPlatform>) {
  describe(`billing through the gateway: checkout, webhooks, reconciliation, refunds (${mode})`, () => {
    let platform: BillingPlatform;
    let gateway: TestGatewayClient;
    let inbox: DevInboxClient;
    let sandbox: PaymentSandboxClient;
    let owner: Awaited<ReturnType<typeof newCustomer>>;
    let adminToken: string;
    const projects: string[] = [];

    beforeAll(async () => {
      platform = await start();
      gateway = new TestGatewayClient(platform.gatewayUrl);
      inbox = new DevInboxClient(platform.inboxUrl);
      sandbox = new PaymentSandboxClient(platform.paymentSandboxUrl);
      owner = await newCustomer(gateway, inbox, 'billing');
      adminToken = (await gateway.call('POST', '/api/v1/auth/login', { body: ADMIN })).body.accessToken;
    });

    afterAll(async () => {
      await platform?.stop();
    });

    async function project(name = 'Billing') {
      const created = await newProject(gateway, owner.accessToken, name);
      projects.push(created.id);
      return created;
    }

    const checkout = (projectId: string, planId: string, key: string = randomUUID()) =>
      gateway.call('POST', `/api/v1/projects/${projectId}/checkout`, {
        token: owner.accessToken,
        body: { planId },
        headers: { 'idempotency-key': key },
      });
    const confirm = (paymentId: string, paymentMethod: string): Promise<GatewayResponse<Payment>> =>
      gateway.call('POST', `/api/v1/payments/${paymentId}/confirm`, { token: owner.accessToken, body: { paymentMethod } });
    const paymentsOf = async (projectId: string): Promise<Payment[]> =>
      (await gateway.call('GET', `/api/v1/projects/${projectId}/payments`, { token: owner.accessToken })).body.items;
    const planOf = async (projectId: string): Promise<string> =>
      (await gateway.call('GET', `/api/v1/projects/${projectId}`, { token: owner.accessToken })).body.plan;
    const planChanges = async (projectId: string) =>
      (await gateway.call('GET', `/api/v1/projects/${projectId}/activity?limit=100`, { token: owner.accessToken })).body.items.filter(
        (entry: { action: string }) => entry.action === 'plan.changed',
      );
    const succeededCharges = async (projectId: string) =>
      (await sandbox.chargesOf(projectId)).filter((charge) => charge.status === 'succeeded');

    async function paidPayment(planId = 'pro') {
      const { id: projectId } = await project();
      const started = await checkout(projectId, planId);
      expect(started.status).toBe(201);
      const paid = await confirm(started.body.paymentId, 'pm_card_visa');
      expect(paid.body.status).toBe('succeeded');
      return { projectId, payment: paid.body };
    }

    it('lists the plans with prices in minor units', async () => {
      const plans = await gateway.call('GET', '/api/v1/plans');
      expect(plans.status).toBe(200);
      expect(plans.body.items.map((plan: { id: string }) => plan.id)).toEqual(['free', 'pro', 'business']);
      expect(plans.body.items[1]).toMatchObject({ price: { amount: 1900, currency: 'eur' }, interval: 'month' });
    });

    it('answers the same checkout twice with one Idempotency-Key with one payment intent; another body is 422', async () => {
      const { id: projectId } = await project();
      const key = randomUUID();
      const first = await checkout(projectId, 'pro', key);
      const again = await checkout(projectId, 'pro', key);
      expect(first.status).toBe(201);
      expect(again.status).toBe(201);
      expect(again.body).toEqual(first.body);
      expect(first.body).toMatchObject({
        paymentId: expect.any(String),
        status: 'pending',
        clientSecret: expect.stringContaining('_secret_'),
      });
      expect(await sandbox.intentsOf(projectId)).toHaveLength(1);

      const other = await checkout(projectId, 'business', key);
      expect(other.status).toBe(422);
      expect(other.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
      // A new key while the first payment is open: one payment at a time per project.
      expect((await checkout(projectId, 'business')).body.code).toBe('PAYMENT_IN_PROGRESS');
      expect(await sandbox.intentsOf(projectId)).toHaveLength(1);
    });

    it('captures a payment, upgrades the plan once and emails the payer a receipt', async () => {
      const { projectId, payment } = await paidPayment('pro');
      expect(payment).toMatchObject({ amount: 1900, planId: 'pro', receiptNumber: expect.stringMatching(/^R-\d{4}-\d{6}$/) });
      expect(await planOf(projectId)).toBe('pro');
      expect(await planChanges(projectId)).toHaveLength(1);
      expect(await succeededCharges(projectId)).toHaveLength(1);

      const receipt = await eventually(async () => {
        const found = (await inbox.messagesTo(owner.email)).find((message) => message.Subject.includes(payment.receiptNumber!));
        if (!found) throw new Error('no receipt yet');
        return found;
      });
      expect(receipt.Subject).toMatch(/^Receipt R-/);

      const outsider = await newCustomer(gateway, inbox, 'outsider');
      expect((await gateway.call('GET', `/api/v1/projects/${projectId}/payments`, { token: outsider.accessToken })).status).toBe(404);
    });

    it('fails a declined card, emails the payer, and leaves the plan as it was', async () => {
      const { id: projectId, name } = await project('Declined');
      const started = await checkout(projectId, 'business');
      const declined = await confirm(started.body.paymentId, 'pm_card_chargeDeclined');
      expect(declined.status).toBe(200);
      expect(declined.body).toMatchObject({ status: 'failed', failureReason: 'Your card was declined.' });
      expect(await planOf(projectId)).toBe('free');
      expect(await succeededCharges(projectId)).toHaveLength(0);
      await eventually(async () => {
        const notice = (await inbox.messagesTo(owner.email)).find((message) => message.Subject === `Your payment for ${name} failed`);
        if (!notice) throw new Error('no failure notice yet');
      });
    });

    it('records a gateway timeout as unknown after the sandbox charged; the reconciler settles it to succeeded, one charge', async () => {
      const { id: projectId } = await project('Timeout');
      const started = await checkout(projectId, 'pro');
      await sandbox.quiet();
      // Lose the webhook too, so only the reconciler can learn what happened.
      await sandbox.setFaults({ dropNext: 1 });
      const timedOut = await confirm(started.body.paymentId, 'pm_card_timeout');
      expect(timedOut.status).toBe(200);
      expect(timedOut.body.status).toBe('unknown');
      expect(await succeededCharges(projectId)).toHaveLength(1);

      const settled = await eventually(async () => {
        const [payment] = await paymentsOf(projectId);
        expect(payment!.status).toBe('succeeded');
        return payment!;
      });
      expect(settled.receiptNumber).toMatch(/^R-/);
      expect(await planOf(projectId)).toBe('pro');
      expect(await succeededCharges(projectId)).toHaveLength(1);
      expect(await planChanges(projectId)).toHaveLength(1);
    });

    it('leaves exactly one succeeded payment and one plan change after duplicate, delayed and out-of-order webhooks', async () => {
      const { id: projectId } = await project('Webhooks');
      const started = await checkout(projectId, 'business');
      await sandbox.quiet();
      // processing and succeeded held, then sent succeeded first, each twice, each late.
      await sandbox.setFaults({ reorderNext: 2, duplicate: true, delayMs: 200 });
      const processing = await confirm(started.body.paymentId, 'pm_card_delayed');
      expect(processing.body.status).toBe('processing');

      await eventually(async () => {
        const { deliveries } = await sandbox.deliveries();
        const ours = deliveries.filter((delivery) => delivery.outcome === 'delivered' && delivery.status === 200);
        const types = ours.slice(-4).map((delivery) => delivery.type);
        expect(types).toEqual([
          'payment_intent.succeeded',
          'payment_intent.succeeded',
          'payment_intent.processing',
          'payment_intent.processing',
        ]);
      });
      // And once more, long after: a replayed event is still applied only once.
      const succeededEvent = (await sandbox.events()).find(
        (event) => event.type === 'payment_intent.succeeded' && event.data.object.metadata.project_id === projectId,
      )!;
      await sandbox.replay(succeededEvent.id);
      await sandbox.quiet();

      const payments = await paymentsOf(projectId);
      expect(payments.map((payment) => payment.status)).toEqual(['succeeded']);
      expect(await planOf(projectId)).toBe('business');
      expect(await planChanges(projectId)).toHaveLength(1);
      expect(await succeededCharges(projectId)).toHaveLength(1);
    });

    it('answers a webhook with a bad signature or an old timestamp with 400, and changes nothing', async () => {
      const { id: projectId } = await project('Forged');
      const started = await checkout(projectId, 'pro');
      const intentId = (started.body.clientSecret as string).split('_secret_')[0]!;
      const forged = JSON.stringify({
        id: `evt_forged_${randomUUID()}`,
        object: 'event',
        type: 'payment_intent.succeeded',
        created: Math.floor(Date.now() / 1000),
        data: {
          object: {
            id: intentId,
            object: 'payment_intent',
            status: 'succeeded',
            amount: 1900,
            currency: 'eur',
            metadata: { payment_id: started.body.paymentId },
          },
        },
      });
      const now = Math.floor(Date.now() / 1000);
      const send = (signature: string) =>
        gateway.call('POST', '/api/v1/webhooks/payments', { rawBody: forged, headers: { 'stripe-signature': signature } });

      for (const signature of [
        signatureHeader(forged, 'whsec_not_the_secret', now),
        signatureHeader(forged, WEBHOOK_SECRET, now - 3_600),
        't=1,v1=00',
      ]) {
        const refused = await send(signature);
        expect(refused.status).toBe(400);
        expect(refused.body.code).toBe('INVALID_SIGNATURE');
      }
      expect((await gateway.call('POST', '/api/v1/webhooks/payments', { rawBody: forged })).status).toBe(400);
      expect((await paymentsOf(projectId)).map((payment) => payment.status)).toEqual(['pending']);
      expect(await planOf(projectId)).toBe('free');
    });

    it('refunds part and then the rest, idempotently, never more than was captured', async () => {
      const { projectId, payment } = await paidPayment('pro');
      const refund = (body: unknown, key: string = randomUUID()) =>
        gateway.call('POST', `/api/v1/admin/payments/${payment.id}/refund`, {
          token: adminToken,
          body,
          headers: { 'idempotency-key': key },
        });

      const key = randomUUID();
      const part = await refund({ amount: 500 }, key);
      expect(part.status).toBe(201);
      expect(part.body).toMatchObject({ amount: 500, status: 'succeeded', payment: { status: 'succeeded', refundedAmount: 500 } });
      expect((await refund({ amount: 500 }, key)).body.id).toBe(part.body.id);
      expect((await refund({ amount: 600 }, key)).status).toBe(422);
      const tooMuch = await refund({ amount: 1401 });
      expect(tooMuch.status).toBe(400);
      expect(tooMuch.body.code).toBe('REFUND_TOO_LARGE');

      const rest = await refund(undefined);
      expect(rest.body).toMatchObject({ amount: 1400, payment: { status: 'refunded', refundedAmount: 1900 } });
      expect((await refund(undefined)).body.code).toBe('PAYMENT_NOT_REFUNDABLE');
      expect((await sandbox.chargesOf(projectId)).map((charge) => charge.amount_refunded)).toEqual([1900]);
      expect(await planOf(projectId)).toBe('free');

      const listed = await gateway.call('GET', `/api/v1/admin/payments?status=refunded&projectId=${projectId}`, { token: adminToken });
      expect(listed.body.items.map((item: Payment) => item.id)).toEqual([payment.id]);
      expect((await gateway.call('GET', '/api/v1/admin/payments', { token: owner.accessToken })).status).toBe(403);
    });

    it('keeps every project’s ledger equal to the sandbox’s charges minus refunds', async () => {
      await sandbox.quiet();
      for (const projectId of projects) {
        const ledger = (await paymentsOf(projectId))
          .filter((payment) => payment.status === 'succeeded' || payment.status === 'refunded')
          .reduce((sum, payment) => sum + payment.amount - payment.refundedAmount, 0);
        const charged = (await succeededCharges(projectId)).reduce((sum, charge) => sum + charge.amount - charge.amount_refunded, 0);
        expect(ledger, `project ${projectId}`).toBe(charged);
      }
    });
  });
}
