import { createVhost, dropDatabases, freePorts, uniqueName } from '@msp/testing';
import { startDistributed } from '../../scripts/distributed.mjs';
import { authSecuritySuite, securityEnv } from '../auth-security-suite.js';

// The same suite across processes: revocations and lockout counters travel through the real Redis,
// events through RabbitMQ, keys through each service's own PostgreSQL database.
authSecuritySuite('distributed platform', async () => {
  const dbPrefix = `${uniqueName('msp_test')}_`;
  const vhost = createVhost();
  const ports = await freePorts(
    'smtp',
    'inbox',
    'web',
    'gateway',
    'auth',
    'user',
    'project',
    'comms',
    'authOps',
    'userOps',
    'projectOps',
    'commsOps',
  );
  const platform = await startDistributed({
    env: { ...process.env, ...securityEnv, DB_PREFIX: dbPrefix, AMQP_URL: vhost.url, START_WEB: 'false' },
    ports,
    output: 'capture',
  });
  return {
    gatewayUrl: platform.urls.gateway,
    inboxUrl: platform.urls.inbox,
    output: platform.output,
    stop: async () => {
      await platform.stop();
      vhost.remove();
      await dropDatabases(dbPrefix);
    },
  };
});
