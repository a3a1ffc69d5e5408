import type { Provider } from '@nestjs/common';
import type { ProjectConfig } from '../config.js';
import { BillingGrpc } from './billing.grpc.js';
import { BillingProjectsRepository } from './billing-projects.repository.js';
import { BILLING_SETTINGS, type BillingSettings } from './billing-settings.js';
import { CheckoutService } from './checkout.service.js';
import { ConfirmationService } from './confirmation.service.js';
import { PaymentAccess } from './payment-access.js';
import { PAYMENT_GATEWAY } from './payment-gateway.port.js';
import { PaymentReconciler } from './payment-reconciler.js';
import { PaymentSettlement } from './payment-settlement.js';
import { PaymentSync } from './payment-sync.js';
import { PaymentWebhooksService } from './payment-webhooks.service.js';
import { PaymentsQueryService } from './payments-query.service.js';
import { PaymentsRepository } from './payments.repository.js';
import { PlanLimits } from './plan-limits.js';
import { RefundsRepository } from './refunds.repository.js';
import { RefundsService } from './refunds.service.js';
import { StripePaymentGateway } from './stripe-payment-gateway.js';

/** The billing feature's providers, for the project service's module; the gateway adapter from config. */
export function billingProviders(config: ProjectConfig): Provider[] {
  const settings: BillingSettings = {
    reconcileIntervalMs: config.PAYMENT_RECONCILE_INTERVAL_MS,
    reconcileAfterMs: config.PAYMENT_RECONCILE_AFTER_MS,
    checkoutExpiryMs: config.PAYMENT_CHECKOUT_EXPIRY_MS,
  };
  return [
    { provide: BILLING_SETTINGS, useValue: settings },
    {
      provide: PAYMENT_GATEWAY,
      useFactory: () =>
        new StripePaymentGateway({
          url: config.PAYMENT_GATEWAY_URL,
          secretKey: config.PAYMENT_SECRET_KEY,
          webhookSecret: config.PAYMENT_WEBHOOK_SECRET,
          webhookToleranceSeconds: config.PAYMENT_WEBHOOK_TOLERANCE_SECONDS,
          timeoutMs: config.PAYMENT_GATEWAY_TIMEOUT_MS,
          maxNetworkRetries: config.PAYMENT_GATEWAY_MAX_RETRIES,
        }),
    },
    BillingProjectsRepository,
    PaymentsRepository,
    RefundsRepository,
    PlanLimits,
    PaymentAccess,
    PaymentSettlement,
    PaymentSync,
    CheckoutService,
    ConfirmationService,
    PaymentsQueryService,
    RefundsService,
    PaymentWebhooksService,
    PaymentReconciler,
    BillingGrpc,
  ];
}
