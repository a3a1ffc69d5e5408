import { join } from 'node:path';
import { loadAuthConfig, startAuthService } from '@msp/auth-service';
import { loadCommsConfig, startCommsService } from '@msp/comms-service';
import { loadGatewayConfig, startGateway } from '@msp/gateway';
import { startPaymentSandbox, loadConfig as loadSandboxConfig } from '@msp/payment-sandbox';
import {
  createLogger,
  MemoryCache,
  MemoryEventBus,
  openEmbeddedEngine,
  startTracing,
  tracingConfigOf,
  type Env,
  type RunningService,
} from '@msp/platform';
import { loadProjectConfig, startProjectService } from '@msp/project-service';
import { startSmtpInbox } from '@msp/smtp-inbox';
import { loadUserConfig, startUserService } from '@msp/user-service';
import { loadEmbeddedConfig, processEnvironment } from './config.js';
import { lockDataDir } from './data-dir-lock.js';
import { startWebApp } from './web-app-process.js';

export interface EmbeddedPlatform {
  urls: { gateway: string; web: string | undefined; inbox: string | undefined; smtp: string; paymentSandbox: string | undefined };
  generatedAdminPassword: string | undefined;
  stop(): Promise<void>;
}

/**
 * The whole platform in one process on embedded defaults: one PGlite engine holding each service's
 * own schema, an in-process cache and bus, the dev SMTP inbox, the payment sandbox, every service on
 * its gRPC port, the gateway and the web app. Any distributed-mode variable that is set replaces its default.
 */
export async function startEmbeddedPlatform(env: Env = processEnvironment()): Promise<EmbeddedPlatform> {
  const config = loadEmbeddedConfig(env);
  const logger = createLogger('platform', config.LOG_LEVEL);
  const stack: Array<{ name: string; stop(): Promise<void> }> = [];
  const stopAll = async () => {
    // Reverse start order: producers flush their outboxes while the consumer still runs.
    for (const part of stack.reverse()) {
      await part.stop().catch((error: unknown) => logger.error({ err: error, part: part.name }, 'stop failed'));
    }
  };

  try {
    // One tracer provider for the whole process, installed before any service's (they then share it);
    // each span names its service in `msp.service`. Stopped last, after the services' final spans.
    const tracing = startTracing({ serviceName: 'msp-embedded', ...tracingConfigOf(config) });
    stack.push({ name: 'tracing', stop: () => tracing.shutdown() });
    const unlock = lockDataDir(config.DATA_DIR);
    stack.push({ name: 'data dir lock', stop: async () => unlock() });

    let smtpUrl = config.SMTP_URL;
    let inboxUrl: string | undefined;
    if (!smtpUrl) {
      const inbox = await startSmtpInbox({ host: config.HOST, smtpPort: config.SMTP_PORT, httpPort: config.INBOX_PORT, logger });
      stack.push({ name: 'smtp inbox', stop: () => inbox.close() });
      smtpUrl = `smtp://${config.HOST}:${inbox.smtpPort}`;
      inboxUrl = `http://${config.HOST}:${inbox.httpPort}`;
    }

    // The payment sandbox stands in for the payment gateway, as the dev inbox does for SMTP. Its
    // webhooks go to the gateway, whose port is known only once it listens (set below).
    let paymentEnv: Env = {};
    let paymentSandbox: Awaited<ReturnType<typeof startPaymentSandbox>> | undefined;
    if (!config.PAYMENT_GATEWAY_URL) {
      const sandboxConfig = loadSandboxConfig(env);
      paymentSandbox = await startPaymentSandbox({
        ...sandboxConfig,
        host: config.HOST,
        logger: createLogger('payment-sandbox', config.LOG_LEVEL),
      });
      stack.push({ name: 'payment sandbox', stop: paymentSandbox.close });
      paymentEnv = {
        PAYMENT_GATEWAY_URL: paymentSandbox.url,
        PAYMENT_WEBHOOK_SECRET: paymentSandbox.webhookSecret,
        ...(sandboxConfig.secretKey ? { PAYMENT_SECRET_KEY: sandboxConfig.secretKey } : {}),
      };
    }

    const pglite = await openEmbeddedEngine(join(config.DATA_DIR, 'pglite'));
    stack.push({ name: 'embedded database', stop: () => pglite.close() });
    const bus = new MemoryEventBus({ logger });
    let openRelays = () => {};
    const relayGate = new Promise<void>((resolve) => (openRelays = resolve));
    const cache = new MemoryCache();
    // Each service gets its own view of the bus, so stopping one service stops only its consumers.
    const sharedFor = () => ({ pglite, cache, bus: bus.scoped(), relayGate });
    const serviceEnv = { ...env, GRPC_HOST: config.HOST, OPS_PORT: '' };
    const started = (service: RunningService) => {
      stack.push({ name: service.name, stop: service.stop });
      return `${config.HOST}:${service.grpcPort}`;
    };

    // Relays publish only once every consumer has subscribed (relayGate): the in-process bus
    // delivers only to queues that exist.
    const comms = started(await startCommsService(loadCommsConfig({ ...serviceEnv, SMTP_URL: smtpUrl }), sharedFor()));
    const user = started(await startUserService(loadUserConfig(serviceEnv), sharedFor()));
    // Embedded mode always has an administrator; without a configured password one is generated and shown once.
    const adminEmail = env.PLATFORM_ADMIN_EMAIL || 'admin@msp.localhost';
    const authService = await startAuthService(
      loadAuthConfig({ ...serviceEnv, USER_GRPC_URL: user, PLATFORM_ADMIN_EMAIL: adminEmail }),
      sharedFor(),
    );
    const auth = started(authService);
    const project = started(await startProjectService(loadProjectConfig({ ...serviceEnv, ...paymentEnv }), sharedFor()));
    openRelays();

    const gateway = await startGateway(
      loadGatewayConfig({
        ...env,
        GATEWAY_HOST: config.HOST,
        AUTH_GRPC_URL: auth,
        USER_GRPC_URL: user,
        PROJECT_GRPC_URL: project,
        COMMS_GRPC_URL: comms,
      }),
      undefined,
      // The auth service records ended sessions in this cache; the gateway must read the same one.
      { sharedCache: cache },
    );
    stack.push({ name: 'gateway', stop: () => gateway.close() });
    const gatewayUrl = `http://${config.HOST}:${gateway.port}`;
    if (paymentSandbox && !env.PAYMENT_SANDBOX_WEBHOOK_URL) paymentSandbox.setWebhookUrl(`${gatewayUrl}/api/v1/webhooks/payments`);

    let webUrl: string | undefined;
    if (config.START_WEB) {
      const web = await startWebApp({ host: config.HOST, port: config.WEB_PORT, gatewayUrl, inboxUrl: inboxUrl ?? '', env });
      stack.push({ name: 'web app', stop: () => web.stop() });
      webUrl = web.url;
    }

    return {
      urls: { gateway: gatewayUrl, web: webUrl, inbox: inboxUrl, smtp: smtpUrl, paymentSandbox: paymentSandbox?.url },
      generatedAdminPassword: authService.generatedAdminPassword,
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
