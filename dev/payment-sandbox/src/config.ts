import { z } from 'zod';

export type Env = Record<string, string | undefined>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Shared by the env schema and startPaymentSandbox, so a key that boots from the environment also boots in-process. */
export const DEV_WEBHOOK_SECRET = 'whsec_msp_payment_sandbox_dev';

// An empty variable (`PAYMENT_SANDBOX_PORT=`) means "use the default"; coerced as-is it would become 0.
const unsetIfEmpty = (value: unknown) => (value === '' ? undefined : value);
const port = (fallback: number) => z.preprocess(unsetIfEmpty, z.coerce.number().int().min(0).max(65535).default(fallback));
const millis = (fallback: number) => z.preprocess(unsetIfEmpty, z.coerce.number().int().min(0).default(fallback));

const schema = z.object({
  // stripe-mock's port, so tooling that already knows it finds the sandbox unchanged.
  PAYMENT_SANDBOX_PORT: port(12111),
  PAYMENT_SANDBOX_HOST: z.preprocess(unsetIfEmpty, z.string().default('127.0.0.1')),
  PAYMENT_SANDBOX_WEBHOOK_URL: z.preprocess(unsetIfEmpty, z.url({ protocol: /^https?$/ }).optional()),
  PAYMENT_SANDBOX_WEBHOOK_SECRET: z.preprocess(
    unsetIfEmpty,
    z.string().startsWith('whsec_', 'must start with whsec_').default(DEV_WEBHOOK_SECRET),
  ),
  // Unset: any sk_test_ key is accepted, as a fresh dev machine has no shared key to agree on.
  PAYMENT_SANDBOX_SECRET_KEY: z.preprocess(unsetIfEmpty, z.string().startsWith('sk_test_', 'must start with sk_test_').optional()),
  PAYMENT_SANDBOX_DELAYED_CARD_MS: millis(3_000),
  // Longer than stripe-node's default 80 s timeout, so even an unconfigured client gives up first.
  PAYMENT_SANDBOX_TIMEOUT_CARD_MS: millis(90_000),
  PAYMENT_SANDBOX_WEBHOOK_MAX_ATTEMPTS: z.preprocess(unsetIfEmpty, z.coerce.number().int().min(1).max(20).default(5)),
  PAYMENT_SANDBOX_WEBHOOK_RETRY_MS: millis(1_000),
});

export interface SandboxConfig {
  host: string;
  port: number;
  webhookUrl: string | undefined;
  webhookSecret: string;
  secretKey: string | undefined;
  delayedCardMs: number;
  timeoutCardMs: number;
  webhookMaxAttempts: number;
  webhookRetryBaseMs: number;
}

/** Parsed once at start; every invalid variable is reported together so one restart fixes them all. */
export function loadConfig(env: Env = process.env): SandboxConfig {
  const result = schema.safeParse(env);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`));
  }
  const data = result.data;
  return {
    host: data.PAYMENT_SANDBOX_HOST,
    port: data.PAYMENT_SANDBOX_PORT,
    webhookUrl: data.PAYMENT_SANDBOX_WEBHOOK_URL,
    webhookSecret: data.PAYMENT_SANDBOX_WEBHOOK_SECRET,
    secretKey: data.PAYMENT_SANDBOX_SECRET_KEY,
    delayedCardMs: data.PAYMENT_SANDBOX_DELAYED_CARD_MS,
    timeoutCardMs: data.PAYMENT_SANDBOX_TIMEOUT_CARD_MS,
    webhookMaxAttempts: data.PAYMENT_SANDBOX_WEBHOOK_MAX_ATTEMPTS,
    webhookRetryBaseMs: data.PAYMENT_SANDBOX_WEBHOOK_RETRY_MS,
  };
}
