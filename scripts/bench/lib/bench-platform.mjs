// The distributed platform as the HTTP benchmarks run it: one process per service against the
// machine's PostgreSQL, Redis and RabbitMQ, with databases, a vhost and a Redis namespace of its own
// (removed on stop), rate limits far above what a benchmark sends, and request logs off.
import { randomBytes } from 'node:crypto';
import { createVhost, DevInboxClient, dropDatabases, freePorts, TestGatewayClient, uniqueName } from '@msp/testing';
import { defaultPorts, startDistributed } from '../../distributed.mjs';

const unthrottled = {
  RATE_LIMIT_GLOBAL_PER_MINUTE: '100000000',
  RATE_LIMIT_SENSITIVE_PER_MINUTE: '100000000',
  RATE_LIMIT_AUTH_PER_MINUTE: '100000000',
  RATE_LIMIT_LOGIN_PER_MINUTE: '100000000',
};

/**
 * Starts the platform; `env` and `options` (replicas, overrides) go to `startDistributed`. Returns
 * the processes, a gateway client, the dev inbox and `stop()`, which also drops what it created.
 */
export async function startBenchPlatform({ env = {}, ...options } = {}) {
  const dbPrefix = `${uniqueName('msp_bench')}_`;
  const vhost = createVhost('msp-bench');
  const removeResources = async () => {
    vhost.remove();
    await dropDatabases(dbPrefix);
  };
  try {
    const processes = await startDistributed({
      ...options,
      env: {
        ...process.env,
        LOG_LEVEL: 'warn',
        ...unthrottled,
        ...env,
        DB_PREFIX: dbPrefix,
        REDIS_NAMESPACE: dbPrefix.replace(/_+$/, ''),
        AMQP_URL: vhost.url,
        START_WEB: 'false',
      },
      ports: await freePorts(...Object.keys(defaultPorts)),
      output: 'capture',
    });
    return {
      processes,
      gatewayUrl: processes.urls.gateway,
      gateway: new TestGatewayClient(processes.urls.gateway),
      inbox: new DevInboxClient(processes.urls.inbox),
      stop: async () => {
        await processes.stop();
        await removeResources();
      },
    };
  } catch (error) {
    await removeResources();
    throw error;
  }
}

/** A verified user signed in through the public API (sign-up, the dev inbox link, login). */
export async function signUpUser(platform, label = 'bench') {
  const person = {
    email: `${label}-${randomBytes(4).toString('hex')}@example.test`,
    password: `pw-${randomBytes(8).toString('hex')}`,
    displayName: label,
  };
  return { ...person, ...(await platform.gateway.signUp(platform.inbox, person)) };
}

/** A project owned by `user`. */
export async function createProject(platform, user, name = 'Bench project') {
  const key = `B${randomBytes(3)
    .toString('hex')
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, 'X')}`;
  const response = await platform.gateway.call('POST', '/api/v1/projects', { token: user.accessToken, body: { name, key } });
  if (response.status !== 201) throw new Error(`create project → ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}
