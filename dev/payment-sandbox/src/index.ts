export { startPaymentSandbox, SANDBOX_API_VERSION, type PaymentSandbox, type PaymentSandboxOptions } from './payment-sandbox.js';
export { loadConfig, ConfigError, DEV_WEBHOOK_SECRET, type SandboxConfig } from './config.js';
export { startWebhookReceiver, type ReceivedWebhook, type WebhookReceiver } from './webhook-receiver.js';
export { signatureHeader } from './webhook-signature.js';
export { TEST_PAYMENT_METHODS } from './test-cards.js';
export type { WebhookFaults } from './webhook-faults.js';
export type { WebhookDelivery } from './webhook-dispatcher.js';
export type { ChargeObject, EventObject, EventType, PaymentIntentObject, RefundObject } from './stripe-objects.js';
export type { SandboxLogger } from './sandbox-logger.js';
