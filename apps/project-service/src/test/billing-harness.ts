import { randomUUID } from 'node:crypto';
import { createLogger, type UnitOfWork } from '@msp/platform';
import type { TestDatabase } from '@msp/testing';
import { eq } from 'drizzle-orm';
import { BillingProjectsRepository } from '../billing/billing-projects.repository.js';
import type { BillingSettings } from '../billing/billing-settings.js';
import { CheckoutService } from '../billing/checkout.service.js';
import { ConfirmationService } from '../billing/confirmation.service.js';
import { PaymentAccess } from '../billing/payment-access.js';
import type { GatewayEvent } from '../billing/payment-gateway.port.js';
import { PaymentReconciler } from '../billing/payment-reconciler.js';
import { PaymentSettlement } from '../billing/payment-settlement.js';
import { PaymentSync } from '../billing/payment-sync.js';
import { PaymentWebhooksService } from '../billing/payment-webhooks.service.js';
import { PaymentsQueryService } from '../billing/payments-query.service.js';
import { PaymentsRepository } from '../billing/payments.repository.js';
import { RefundsRepository } from '../billing/refunds.repository.js';
import { RefundsService } from '../billing/refunds.service.js';
import { payments, projects } from '../db/schema.js';
import { FAKE_SIGNATURE, FakePaymentGateway } from './fake-payment-gateway.js';
import { projectHarness, type TestProject } from './project-harness.js';

export type BillingHarness = Awaited<ReturnType<typeof billingHarness>>;

const logger = createLogger('billing-test', 'silent');

/**
 * The billing feature wired as its providers wire it, on a migrated test database, with the fake
 * gateway. `unitOfWork` may be replaced (a crash after the gateway call is a unit of work that fails).
 */
export async function billingHarness(
  database: TestDatabase,
  options: {
    settings?: Partial<BillingSettings>;
    wrapUnitOfWork?: (unitOfWork: UnitOfWork) => UnitOfWork;
    /** The gateway of an earlier harness on the same database: a service restarted, the gateway not. */
    gateway?: FakePaymentGateway;
  } = {},
) {
  const h = await projectHarness(database);
  const gateway = options.gateway ?? new FakePaymentGateway();
  const unitOfWork = options.wrapUnitOfWork?.(h.unitOfWork) ?? h.unitOfWork;
  const settings: BillingSettings = {
    reconcileIntervalMs: 60_000,
    reconcileAfterMs: 60_000,
    checkoutExpiryMs: 3_600_000,
    ...options.settings,
  };
  const repositories = {
    payments: new PaymentsRepository(h.db),
    refunds: new RefundsRepository(h.db),
    projects: new BillingProjectsRepository(h.db),
  };
  const r = repositories;
  const settlement = new PaymentSettlement(r.payments, r.projects, r.refunds, h.repositories.activity);
  const sync = new PaymentSync(gateway, r.payments, settlement, unitOfWork, logger, h.access);
  const paymentAccess = new PaymentAccess(h.access, r.payments);
  const refunds = new RefundsService(paymentAccess, r.payments, r.refunds, settlement, unitOfWork, gateway, h.access);
  const billing = {
    checkout: new CheckoutService(h.access, r.payments, r.projects, sync, unitOfWork, gateway),
    confirmation: new ConfirmationService(paymentAccess, r.payments, sync, unitOfWork, gateway, logger),
    queries: new PaymentsQueryService(h.access, paymentAccess, r.payments),
    refunds,
    webhooks: new PaymentWebhooksService(gateway, r.payments, r.refunds, r.projects, settlement, unitOfWork, logger, h.access),
    reconciler: new PaymentReconciler(gateway, r.payments, r.refunds, refunds, sync, unitOfWork, settings, logger),
    sync,
  };

  /** Checkout and the payment it made, by the project's owner. */
  async function checkout(project: TestProject, planId = 'pro', key: string = randomUUID()) {
    return billing.checkout.checkout(project.id, planId, key, project.owner.caller);
  }

  /** Delivers a webhook as the gateway would: the event's JSON, signed. */
  function deliver(event: GatewayEvent, signature = FAKE_SIGNATURE) {
    return billing.webhooks.handle(Buffer.from(JSON.stringify(event)), signature);
  }

  async function planOf(projectId: string): Promise<string> {
    const [row] = await h.db.select({ plan: projects.plan }).from(projects).where(eq(projects.id, projectId));
    return row!.plan;
  }

  /** Makes a payment look untouched for `ms` (the reconciler's notion of stale), without waiting. */
  async function age(paymentId: string, ms: number): Promise<void> {
    const past = new Date(Date.now() - ms);
    await h.db.update(payments).set({ createdAt: past, updatedAt: past }).where(eq(payments.id, paymentId));
  }

  return { ...h, gateway, billing, billingRepositories: repositories, settings, checkout, deliver, planOf, age };
}
