import { describe, expect, it } from 'vitest';
import { ConfigError, DEV_WEBHOOK_SECRET, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('defaults to port 12111 on loopback with the dev webhook secret and no endpoint', () => {
    expect(loadConfig({})).toEqual({
      host: '127.0.0.1',
      port: 12111,
      webhookUrl: undefined,
      webhookSecret: DEV_WEBHOOK_SECRET,
      secretKey: undefined,
      delayedCardMs: 3_000,
      timeoutCardMs: 90_000,
      webhookMaxAttempts: 5,
      webhookRetryBaseMs: 1_000,
    });
  });

  it('treats empty variables as unset and parses the rest', () => {
    const config = loadConfig({
      PAYMENT_SANDBOX_PORT: '',
      PAYMENT_SANDBOX_WEBHOOK_URL: 'http://127.0.0.1:4000/webhooks/stripe',
      PAYMENT_SANDBOX_WEBHOOK_SECRET: 'whsec_abc',
      PAYMENT_SANDBOX_SECRET_KEY: 'sk_test_123',
      PAYMENT_SANDBOX_TIMEOUT_CARD_MS: '30000',
    });
    expect(config).toMatchObject({
      port: 12111,
      webhookUrl: 'http://127.0.0.1:4000/webhooks/stripe',
      webhookSecret: 'whsec_abc',
      secretKey: 'sk_test_123',
      timeoutCardMs: 30_000,
    });
  });

  it('reports every invalid variable at once', () => {
    let error: unknown;
    try {
      loadConfig({
        PAYMENT_SANDBOX_PORT: 'http',
        PAYMENT_SANDBOX_WEBHOOK_URL: 'ftp://example.test/hook',
        PAYMENT_SANDBOX_WEBHOOK_SECRET: 'secret',
        PAYMENT_SANDBOX_SECRET_KEY: 'sk_live_1',
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toMatch(/PAYMENT_SANDBOX_PORT/);
    expect(problems).toMatch(/PAYMENT_SANDBOX_WEBHOOK_URL/);
    expect(problems).toMatch(/PAYMENT_SANDBOX_WEBHOOK_SECRET: must start with whsec_/);
    expect(problems).toMatch(/PAYMENT_SANDBOX_SECRET_KEY: must start with sk_test_/);
  });
});
