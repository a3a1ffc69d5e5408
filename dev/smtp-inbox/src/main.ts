import { ConfigError, loadConfig } from './config.js';
import { jsonLineLogger } from './inbox-logger.js';
import { startSmtpInbox } from './smtp-inbox.js';

// Standalone entry: `node dev/smtp-inbox/dist/main.js`. The platform's start script embeds the
// inbox through startSmtpInbox instead; this is for running it on its own.

async function main(): Promise<void> {
  const config = loadConfig();
  const inbox = await startSmtpInbox({ ...config, logger: jsonLineLogger });
  const shown = config.host.includes(':') ? `[${config.host}]` : config.host;
  process.stdout.write(`SMTP  smtp://${shown}:${inbox.smtpPort}\nInbox http://${shown}:${inbox.httpPort}/\n`);

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    // A second Ctrl-C while closing means "now": do not wait for clients to finish.
    if (stopping) process.exit(130);
    stopping = true;
    jsonLineLogger.info({ signal }, 'stopping');
    inbox.close().then(
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
