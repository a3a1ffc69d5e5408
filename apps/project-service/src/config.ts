import { envVar, parseEnv, serviceEnv, type Env } from '@msp/platform';
import { z } from 'zod';

const schema = z.object({
  ...serviceEnv,
  PROJECT_GRPC_PORT: envVar.port(50053),
  PROJECT_DATABASE_URL: envVar.optionalUrl(),
  /** The payment gateway's API (Stripe's is https://api.stripe.com); the dev sandbox by default. */
  PAYMENT_GATEWAY_URL: z.url({ protocol: /^https?$/ }).default('http://127.0.0.1:12111'),
  PAYMENT_SECRET_KEY: z
    .string()
    .regex(/^[sr]k_(test|live)_\w+$/, 'must be a Stripe secret or restricted key (sk_test_…, sk_live_…, rk_…)')
    .default('sk_test_msp_dev'),
  /** The signing secret of the webhook endpoint; the sandbox's development secret by default. */
  PAYMENT_WEBHOOK_SECRET: z.string().startsWith('whsec_', 'must start with whsec_').default('whsec_msp_payment_sandbox_dev'),
  /** How old a webhook's signed timestamp may be, in seconds (replayed deliveries older than this are refused). */
  PAYMENT_WEBHOOK_TOLERANCE_SECONDS: z.coerce.number().int().min(1).max(3_600).default(300),
  /**
   * One call to the gateway may take this long before its outcome is `unknown`. Short, and well under
   * the gateway's gRPC deadline (GRPC_DEADLINE_MS, 5 s), so a slow call still gets its answer recorded.
   */
  PAYMENT_GATEWAY_TIMEOUT_MS: envVar.durationMs(3_000),
  /** The SDK's own retries, with the same idempotency key; 0 leaves retrying to the reconciler. */
  PAYMENT_GATEWAY_MAX_RETRIES: z.coerce.number().int().min(0).max(3).default(0),
  /** How often the reconciler looks for payments and refunds to settle against the gateway. */
  PAYMENT_RECONCILE_INTERVAL_MS: envVar.durationMs(30_000),
  /** A pending or processing payment (or pending refund) untouched for this long is checked at the gateway. */
  PAYMENT_RECONCILE_AFTER_MS: envVar.durationMs(120_000),
  /** A checkout never confirmed for this long is canceled at the gateway, so the project may check out again. */
  PAYMENT_CHECKOUT_EXPIRY_MS: envVar.durationMs(3_600_000),
});

export type ProjectConfig = z.infer<typeof schema>;

export function loadProjectConfig(env: Env = process.env): ProjectConfig {
  return parseEnv(schema, env);
}
