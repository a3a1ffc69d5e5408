import 'reflect-metadata';
import { ConfigError, createLogger } from '@msp/platform';
import { loadGatewayConfig, type GatewayConfig } from './config.js';
import { startGateway } from './gateway.js';

/**
 * Past the grace period (plus closing the channels), a stuck drain must not keep an orchestrator
 * waiting for a process it asked to stop.
 */
const SHUTDOWN_MARGIN_MS = 5_000;

let config: GatewayConfig;
try {
  config = loadGatewayConfig();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(1);
}

const logger = createLogger('gateway', config.logLevel);
const gateway = await startGateway(config, logger);

let stopping = false;
function stop(signal: NodeJS.Signals): void {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'gateway stopping');
  setTimeout(() => {
    logger.error('graceful shutdown timed out');
    process.exit(1);
  }, config.shutdownGraceMs + SHUTDOWN_MARGIN_MS).unref();
  gateway.close().then(
    () => process.exit(0),
    (error: unknown) => {
      logger.error({ err: error }, 'graceful shutdown failed');
      process.exit(1);
    },
  );
}
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
