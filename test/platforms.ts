import { createVhost, dropDatabases, freePorts, startEmbeddedProcess, testEnv, uniqueName, type EmbeddedProcess } from '@msp/testing';
import { defaultPorts, startDistributed, type DistributedPlatform, type DistributedPorts } from '../scripts/distributed.mjs';

type DistributedOptions = NonNullable<Parameters<typeof startDistributed>[0]>;

/**
 * A started platform as the suites see it: where the gateway and the dev inbox answer, what the
 * processes printed, and how to stop it and remove every trace (data directory, databases, vhost).
 * Suites shared by both modes (`*-suite.ts`) take a function that starts one.
 */
export interface RunningPlatform {
  gatewayUrl: string;
  inboxUrl: string;
  output(): string;
  stop(): Promise<unknown>;
}

/** Rate limits high enough that a suite's own traffic from one address is never throttled. */
export const generousRateLimits = {
  RATE_LIMIT_GLOBAL_PER_MINUTE: '100000',
  RATE_LIMIT_LOGIN_PER_MINUTE: '1000',
  RATE_LIMIT_SENSITIVE_PER_MINUTE: '1000',
  RATE_LIMIT_AUTH_PER_MINUTE: '1000',
};

/** The embedded platform (`npm start`) on a fresh data directory of its own. */
export async function startEmbedded(env: Record<string, string> = {}): Promise<RunningPlatform & { process: EmbeddedProcess }> {
  const embedded = await startEmbeddedProcess({ env });
  return { gatewayUrl: embedded.gatewayUrl, inboxUrl: embedded.inboxUrl, output: embedded.output, stop: embedded.stop, process: embedded };
}

/** Every port the distributed platform uses, each free right now. */
export function freeDistributedPorts(): Promise<DistributedPorts> {
  return freePorts(...(Object.keys(defaultPorts) as Array<keyof DistributedPorts>));
}

export interface DistributedPlatformOptions extends Pick<DistributedOptions, 'output' | 'replicas' | 'gateways' | 'overrides' | 'ports'> {
  /** The AMQP URL the processes get for the platform's vhost, e.g. through a TCP proxy the test can cut. */
  routeAmqp?: (vhostUrl: string) => string;
}

/**
 * The distributed platform (`npm run start:distributed`): one process per service on free ports,
 * against the machine's PostgreSQL (databases of its own), Redis and RabbitMQ (a vhost of its own).
 * `options` go to `startDistributed` (replicas, per-process overrides, ports chosen beforehand);
 * output is captured by default. `amqpUrl` is the vhost reached directly, for the test's own checks.
 */
export async function startDistributedPlatform(
  env: Record<string, string> = {},
  { routeAmqp = (url) => url, ports, ...options }: DistributedPlatformOptions = {},
): Promise<RunningPlatform & { processes: DistributedPlatform; amqpUrl: string }> {
  const dbPrefix = `${uniqueName('msp_test')}_`;
  const vhost = createVhost();
  const removeResources = async () => {
    vhost.remove();
    await dropDatabases(dbPrefix);
  };
  try {
    const processes = await startDistributed({
      ...options,
      env: {
        ...testEnv,
        ...env,
        DB_PREFIX: dbPrefix,
        REDIS_NAMESPACE: dbPrefix.replace(/_+$/, ''),
        AMQP_URL: routeAmqp(vhost.url),
        START_WEB: 'false',
      },
      ports: ports ?? (await freeDistributedPorts()),
      output: options.output ?? 'capture',
    });
    return {
      gatewayUrl: processes.urls.gateway,
      inboxUrl: processes.urls.inbox,
      output: processes.output,
      stop: async () => {
        await processes.stop();
        await removeResources();
      },
      processes,
      amqpUrl: vhost.url,
    };
  } catch (error) {
    await removeResources();
    throw error;
  }
}

/** Two replicas of every service and two gateways behind the entry proxy (`start:distributed -- --scaled`). */
export const scaledOut = { replicas: { auth: 2, user: 2, project: 2, comms: 2 }, gateways: 2 } satisfies DistributedPlatformOptions;
