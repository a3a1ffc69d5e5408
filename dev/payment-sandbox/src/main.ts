import { ConfigError, loadConfig } from './config.js';
import { startPaymentSandbox } from './payment-sandbox.js';
import { jsonLineLogger } from './sandbox-logger.js';

// Standalone entry: `node dev/payment-sandbox/dist/main.js`. The embedded platform starts the
// sandbox through startPaymentSandbox instead; this is for running it on its own.

async function main(): Promise<void> {
  const config = loadConfig();
  const sandbox = await startPaymentSandbox({ ...config, logger: jsonLineLogger });
  process.stdout.write(
    `Payment sandbox ${sandbox.url}/v1  (Stripe API subset; ${config.secretKey ? 'only the configured key' : 'any sk_test_ key'})\n` +
      `Webhooks        ${config.webhookUrl ?? '(none: set PAYMENT_SANDBOX_WEBHOOK_URL)'}\n` +
      `Control         ${sandbox.url}/__sandbox/{charges,faults,webhooks,reset}\n`,
  );

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    // A second Ctrl-C while closing means "now": do not wait for clients to finish.
    if (stopping) process.exit(130);
    stopping = true;
    jsonLineLogger.info({ signal }, 'stopping');
    sandbox.close().then(
      () => process.exit(0),
      (error: unknown) => {
        jsonLineLogger.warn({ err: String(error) }, 'unclean stop');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof ConfigError ? error.message : String(error)}\n`);
  process.exit(1);
});
