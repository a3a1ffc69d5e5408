import { createApiPipeline } from './api-pipeline.js';
import { Charges } from './charges.js';
import { DEV_WEBHOOK_SECRET } from './config.js';
import { controlRoutes } from './control-routes.js';
import { EventLog } from './event-log.js';
import { IdempotencyStore } from './idempotency.js';
import { PaymentIntents } from './payment-intents.js';
import { Refunds } from './refunds.js';
import { silentLogger, type SandboxLogger } from './sandbox-logger.js';
import { startSandboxHttp } from './sandbox-http.js';
import { SandboxStore } from './sandbox-store.js';
import type { ChargeObject, EventObject } from './stripe-objects.js';
import { stripeRoutes } from './stripe-routes.js';
import { TimerSet } from './timers.js';
import { WebhookDispatcher, type WebhookDelivery } from './webhook-dispatcher.js';
import type { WebhookFaults } from './webhook-faults.js';

/**
 * The API version stripe@23.1.0 pins (its `Stripe-Version` header). The sandbox renders one shape
 * whatever version a client asks for; this is what its events carry as `api_version`.
 */
export const SANDBOX_API_VERSION = '2026-10-28.endive';

export interface PaymentSandboxOptions {
  /** Loopback by default so a dev machine exposes nothing. */
  host?: string;
  /** 0 picks a free port; read the bound one from the returned PaymentSandbox. */
  port: number;
  /** Where events are POSTed; without one they are only recorded (GET /v1/events). */
  webhookUrl?: string | undefined;
  webhookSecret?: string;
  /** When set, the only API key accepted; otherwise any sk_test_ key is. */
  secretKey?: string | undefined;
  /** How long `pm_card_delayed` stays `processing`. Default 3 s. */
  delayedCardMs?: number;
  /** How long the response to a `pm_card_timeout` charge is held back. Default 90 s. */
  timeoutCardMs?: number;
  /** Attempts per webhook, the first included. Default 5. */
  webhookMaxAttempts?: number;
  /** Backoff before the n-th retry is this · 2^(n-1). Default 1 s. */
  webhookRetryBaseMs?: number;
  /** How long one webhook attempt may take before it counts as failed. Default 10 s. */
  webhookTimeoutMs?: number;
  apiVersion?: string;
  logger?: SandboxLogger;
  /** Clock for `created` timestamps and idempotency-key expiry (ms); tests move it to cross the 24 h window. */
  now?: () => number;
}

export interface PaymentSandbox {
  /** Base URL, e.g. http://127.0.0.1:12111 */
  url: string;
  host: string;
  port: number;
  webhookSecret: string;
  /** Spread into the SDK's options: `new Stripe('sk_test_…', { ...sandbox.stripeConfig })`. */
  stripeConfig: { host: string; port: number; protocol: 'http' };
  /** Every charge, failed and pending ones included, oldest first. */
  charges(): ChargeObject[];
  /** Every event, oldest first. */
  events(): EventObject[];
  webhookDeliveries(): WebhookDelivery[];
  faults(): WebhookFaults;
  /** Replaces the fault state; fields left out are switched off. */
  setFaults(faults: Partial<WebhookFaults>): WebhookFaults;
  /** For when the receiving endpoint is known only after the sandbox started (a gateway on a free port). */
  setWebhookUrl(url: string | undefined): void;
  /** Resolves once no webhook is queued, in flight or waiting for a retry (held ones wait for a flush). */
  webhooksSettled(): Promise<void>;
  /** Forgets every object, event, idempotency key, pending timer and fault. */
  reset(): void;
  close(): Promise<void>;
}

/** Starts the sandbox; it is listening when the promise resolves. */
export async function startPaymentSandbox(options: PaymentSandboxOptions): Promise<PaymentSandbox> {
  const host = options.host ?? '127.0.0.1';
  const logger = options.logger ?? silentLogger;
  const now = options.now ?? Date.now;
  const webhookSecret = options.webhookSecret ?? DEV_WEBHOOK_SECRET;
  if (!webhookSecret.startsWith('whsec_')) throw new Error('webhookSecret must start with whsec_');

  const store = new SandboxStore();
  const timers = new TimerSet();
  const idempotency = new IdempotencyStore(now);
  const webhooks = new WebhookDispatcher({
    url: options.webhookUrl,
    secret: webhookSecret,
    maxAttempts: options.webhookMaxAttempts ?? 5,
    retryBaseMs: options.webhookRetryBaseMs ?? 1_000,
    attemptTimeoutMs: options.webhookTimeoutMs ?? 10_000,
    logger,
  });
  const events = new EventLog({
    store,
    apiVersion: options.apiVersion ?? SANDBOX_API_VERSION,
    now,
    endpointCount: () => webhooks.endpointCount,
    onEvent: (event) => webhooks.publish(event),
  });
  const charges = new Charges(store);
  const paymentIntents = new PaymentIntents({
    store,
    events,
    timers,
    now,
    delayedCardMs: options.delayedCardMs ?? 3_000,
    timeoutCardMs: options.timeoutCardMs ?? 90_000,
  });
  const refunds = new Refunds({ store, charges, paymentIntents, events, now });

  const reset = () => {
    timers.clear();
    webhooks.reset();
    idempotency.clear();
    store.clear();
    logger.info({}, 'reset');
  };
  const http = await startSandboxHttp({
    host,
    port: options.port,
    handleApi: createApiPipeline({
      routes: stripeRoutes({ store, paymentIntents, charges, refunds }),
      idempotency,
      apiVersion: options.apiVersion ?? SANDBOX_API_VERSION,
      secretKey: options.secretKey,
      logger,
    }),
    controlRoutes: controlRoutes({ store, webhooks, reset }),
    logger,
  });

  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${http.port}`,
    host,
    port: http.port,
    webhookSecret,
    stripeConfig: { host, port: http.port, protocol: 'http' },
    charges: () => structuredClone(store.charges.all()),
    events: () => structuredClone(store.events.all()),
    webhookDeliveries: () => webhooks.deliveries(),
    faults: () => webhooks.faults.current(),
    setFaults: (faults) => webhooks.faults.set(faults),
    setWebhookUrl: (url) => webhooks.setUrl(url),
    webhooksSettled: () => webhooks.settled(),
    reset,
    close: async () => {
      timers.clear();
      webhooks.close();
      await http.close();
    },
  };
}
