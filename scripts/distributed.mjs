#!/usr/bin/env node
// Distributed mode on one machine: every service, the gateway, the dev SMTP inbox and the web app
// each in its own process, against the real PostgreSQL (one database per service), Redis and
// RabbitMQ. Run it with `npm run start:distributed`; tests import `startDistributed` to control the
// processes one by one (kill -9 a service, start it again).
//
// Variables (all optional): PG_URL (postgres://postgres@127.0.0.1:5432), DB_PREFIX (msp_),
// REDIS_URL (redis://127.0.0.1:6379), AMQP_URL (amqp://guest:guest@127.0.0.1:5672), START_WEB (true),
// plus every service variable (ports, PLATFORM_ADMIN_EMAIL, …), passed through.
//
// Several replicas of a service (`replicas: { comms: 2 }`) share its database and compete for its
// queue; every gRPC client gets all of their addresses and spreads calls round-robin. Several
// gateways (`gateways: 2`) listen on ports of their own behind the entry proxy
// (scripts/entry-proxy.mjs), which takes the gateway port. `npm run start:distributed -- --scaled`
// (or SCALED=true) runs two of every service and two gateways. Tests may give one process its own
// variables (`overrides: { comms: { SMTP_URL } }`, or a function of the variables it would get), e.g.
// to route its AMQP_URL, COMMS_DATABASE_URL or SMTP_URL through a TCP proxy the test can cut.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const node = process.execPath;

/**
 * The processes in start order; stop runs in reverse, so producers flush while comms still consumes.
 * `topology` has every replica's gRPC port (`grpc.auth`: the first is `ports.auth`) and the
 * gateways' ports (one: `ports.gateway` itself; more: the entry proxy takes `ports.gateway`).
 */
function plan(env, ports, topology) {
  const grpc = (service) => topology.grpc[service].map((port) => `127.0.0.1:${port}`).join(',');
  const db = (name) => `${env.PG_URL}/${env.DB_PREFIX}${name}`;
  return [
    {
      name: 'smtp-inbox',
      entry: 'dev/smtp-inbox/dist/main.js',
      env: { SMTP_PORT: ports.smtp, INBOX_PORT: ports.inbox },
      ready: `http://127.0.0.1:${ports.inbox}/health`,
    },
    {
      // The payment gateway's stand-in (as the inbox is SMTP's); its webhooks go to the gateway.
      name: 'payment-sandbox',
      entry: 'dev/payment-sandbox/dist/main.js',
      env: {
        PAYMENT_SANDBOX_PORT: ports.paymentSandbox,
        PAYMENT_SANDBOX_WEBHOOK_URL: `http://127.0.0.1:${ports.gateway}/api/v1/webhooks/payments`,
      },
      ready: `http://127.0.0.1:${ports.paymentSandbox}/health`,
    },
    {
      name: 'comms-service',
      entry: 'apps/comms-service/dist/main.js',
      env: {
        COMMS_GRPC_PORT: ports.comms,
        OPS_PORT: ports.commsOps,
        COMMS_DATABASE_URL: db('comms'),
        SMTP_URL: `smtp://127.0.0.1:${ports.smtp}`,
        WEB_URL: `http://localhost:${ports.web}`,
      },
      ready: `http://127.0.0.1:${ports.commsOps}/health/ready`,
    },
    {
      name: 'user-service',
      entry: 'apps/user-service/dist/main.js',
      env: { USER_GRPC_PORT: ports.user, OPS_PORT: ports.userOps, USER_DATABASE_URL: db('user') },
      ready: `http://127.0.0.1:${ports.userOps}/health/ready`,
    },
    {
      name: 'auth-service',
      entry: 'apps/auth-service/dist/main.js',
      env: { AUTH_GRPC_PORT: ports.auth, OPS_PORT: ports.authOps, AUTH_DATABASE_URL: db('auth'), USER_GRPC_URL: grpc('user') },
      ready: `http://127.0.0.1:${ports.authOps}/health/ready`,
    },
    {
      name: 'project-service',
      entry: 'apps/project-service/dist/main.js',
      env: {
        PROJECT_GRPC_PORT: ports.project,
        OPS_PORT: ports.projectOps,
        PROJECT_DATABASE_URL: db('project'),
        PAYMENT_GATEWAY_URL: `http://127.0.0.1:${ports.paymentSandbox}`,
      },
      ready: `http://127.0.0.1:${ports.projectOps}/health/ready`,
    },
    ...topology.gateways.map((port, index) => ({
      name: index === 0 ? 'gateway' : `gateway-${index + 1}`,
      entry: 'apps/gateway/dist/main.js',
      env: {
        GATEWAY_PORT: port,
        AUTH_GRPC_URL: grpc('auth'),
        USER_GRPC_URL: grpc('user'),
        PROJECT_GRPC_URL: grpc('project'),
        COMMS_GRPC_URL: grpc('comms'),
      },
      ready: `http://127.0.0.1:${port}/health/ready`,
    })),
    ...(topology.gateways.length > 1
      ? [
          {
            name: 'entry-proxy',
            entry: 'scripts/entry-proxy.mjs',
            env: { ENTRY_PORT: ports.gateway, ENTRY_UPSTREAMS: topology.gateways.map((port) => `127.0.0.1:${port}`).join(',') },
            ready: `http://127.0.0.1:${ports.gateway}/health/live`,
          },
        ]
      : []),
    ...(env.START_WEB === 'false'
      ? []
      : [
          {
            name: 'web',
            entry: 'node_modules/next/dist/bin/next',
            args: ['start', '-H', '127.0.0.1', '-p', String(ports.web)],
            cwd: 'apps/web',
            env: { GATEWAY_URL: `http://127.0.0.1:${ports.gateway}`, NEXT_TELEMETRY_DISABLED: '1' },
            ready: `http://127.0.0.1:${ports.web}/health`,
          },
        ]),
  ];
}

export const defaultPorts = {
  smtp: 1025,
  inbox: 8025,
  web: 3000,
  gateway: 8080,
  auth: 50051,
  user: 50052,
  project: 50053,
  comms: 50054,
  authOps: 9051,
  userOps: 9052,
  projectOps: 9053,
  commsOps: 9054,
  paymentSandbox: 12111,
};

/** The services that may run as several replicas, by the short name `replicas` and `overrides` use. */
const replicable = ['auth', 'user', 'project', 'comms'];

/** `comms` for `comms-service` and its replicas `comms-service-2`, …; other processes keep their name. */
function shortName(processName) {
  return processName.replace(/-service(?:-\d+)?$/, '');
}

/** Every replica's gRPC port (the first is the configured one) and every gateway's port. */
async function topologyOf(ports, replicas, gateways) {
  for (const name of Object.keys(replicas)) {
    if (!replicable.includes(name)) throw new Error(`replicas: ${name} is not one of ${replicable.join(', ')}`);
  }
  const grpc = {};
  for (const name of replicable) {
    grpc[name] = [ports[name]];
    for (let n = 2; n <= (replicas[name] ?? 1); n++) grpc[name].push(await freePort());
  }
  const gatewayPorts = [];
  if (gateways <= 1) gatewayPorts.push(ports.gateway);
  else for (let n = 1; n <= gateways; n++) gatewayPorts.push(await freePort());
  return { grpc, gateways: gatewayPorts };
}

/**
 * The plan with the other replicas of each replicated service right after the first: each on its
 * own gRPC port (from `topology`) and ops port, named `<name>-2`, `<name>-3`, ….
 */
async function withReplicas(specs, topology) {
  const result = [];
  for (const spec of specs) {
    result.push(spec);
    const short = shortName(spec.name);
    const grpcPorts = replicable.includes(short) ? topology.grpc[short] : [];
    for (let n = 2; n <= grpcPorts.length; n++) {
      const opsPort = await freePort();
      result.push({
        ...spec,
        name: `${spec.name}-${n}`,
        env: { ...spec.env, [`${short.toUpperCase()}_GRPC_PORT`]: grpcPorts[n - 1], OPS_PORT: opsPort },
        ready: `http://127.0.0.1:${opsPort}/health/ready`,
      });
    }
  }
  return result;
}

/** An override by full process name wins over one by short name; a function gets the computed variables. */
function overrideFor(overrides, processName, computed) {
  const apply = (override) => (typeof override === 'function' ? override(computed) : (override ?? {}));
  const keys = new Set([shortName(processName), processName.replace(/-\d+$/, ''), processName]);
  return Object.assign({}, ...[...keys].map((key) => apply(overrides[key])));
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Starts every process and waits until each is ready. Returns handles to stop, kill and restart them. */
export async function startDistributed({
  env = process.env,
  ports = defaultPorts,
  output = 'inherit',
  replicas = {},
  gateways = 1,
  overrides = {},
} = {}) {
  const settings = {
    PG_URL: 'postgres://postgres@127.0.0.1:5432',
    DB_PREFIX: 'msp_',
    REDIS_URL: 'redis://127.0.0.1:6379',
    AMQP_URL: 'amqp://guest:guest@127.0.0.1:5672',
    ...env,
  };
  // Callers that choose their own ports may leave the sandbox's out: it gets a free one.
  if (ports.paymentSandbox === undefined) ports = { ...ports, paymentSandbox: await freePort() };
  const { ensureDatabase } = await import('../packages/platform/dist/index.js');
  for (const name of ['auth', 'user', 'project', 'comms']) await ensureDatabase(`${settings.PG_URL}/${settings.DB_PREFIX}${name}`);

  const processes = new Map();
  let captured = '';
  const launch = async (spec) => {
    const capture = output === 'capture';
    const computed = { ...settings, ...stringify(spec.env), REDIS_URL: settings.REDIS_URL, AMQP_URL: settings.AMQP_URL };
    const child = spawn(node, [spec.entry, ...(spec.args ?? [])], {
      cwd: spec.cwd ? `${root}/${spec.cwd}` : root,
      env: { ...computed, ...stringify(overrideFor(overrides, spec.name, computed)) },
      stdio: ['ignore', capture ? 'pipe' : output, capture ? 'pipe' : output],
    });
    if (capture) {
      child.stdout.on('data', (chunk) => (captured += chunk));
      child.stderr.on('data', (chunk) => (captured += chunk));
    }
    processes.set(spec.name, { spec, child });
    try {
      await waitReady(spec, child);
    } catch (error) {
      // What the process said before it died is the diagnosis; captured output is otherwise unseen.
      if (capture) error.message += `\n--- last output ---\n${captured.slice(-4000)}`;
      throw error;
    }
    return child;
  };
  const topology = await topologyOf(ports, replicas, gateways);
  const specs = await withReplicas(plan(settings, ports, topology), topology);
  try {
    for (const spec of specs) await launch(spec);
  } catch (error) {
    await stopAll();
    throw error;
  }

  async function stopAll() {
    for (const { child } of [...processes.values()].reverse()) await stopChild(child);
  }
  return {
    ports,
    urls: {
      /** The gateway, or the entry proxy in front of several. */
      gateway: `http://127.0.0.1:${ports.gateway}`,
      /** Each gateway directly (one: the same as `gateway`). */
      gateways: topology.gateways.map((port) => `http://127.0.0.1:${port}`),
      inbox: `http://127.0.0.1:${ports.inbox}`,
      web: `http://127.0.0.1:${ports.web}`,
      paymentSandbox: `http://127.0.0.1:${ports.paymentSandbox}`,
    },
    /** Each service's database, reached directly (not through any override): for a test's own SQL. */
    databases: Object.fromEntries(
      ['auth', 'user', 'project', 'comms'].map((name) => [name, `${settings.PG_URL}/${settings.DB_PREFIX}${name}`]),
    ),
    /** The processes in start order, replicas included (`comms-service`, `comms-service-2`, …). */
    names: () => specs.map((spec) => spec.name),
    pid: (name) => processes.get(name)?.child.pid,
    /** Everything the processes printed, when started with output: 'capture'. */
    output: () => captured,
    /** kill -9: the process gets no chance to clean up. */
    kill: async (name) => {
      const entry = processes.get(name);
      if (!entry || entry.child.exitCode !== null || entry.child.signalCode !== null) return;
      const exited = new Promise((resolve) => entry.child.once('exit', resolve));
      entry.child.kill('SIGKILL');
      await exited;
    },
    /** SIGTERM to one process: it drains and exits on its own (SIGKILL after 15 s). */
    terminate: async (name) => {
      const entry = processes.get(name);
      if (entry) await stopChild(entry.child);
    },
    /** Starts a stopped or killed process again, as it was (same ports and variables). */
    start: async (name) => {
      const entry = processes.get(name);
      if (!entry) throw new Error(`no process ${name}`);
      if (entry.child.exitCode === null && entry.child.signalCode === null) throw new Error(`${name} is running`);
      await launch(entry.spec);
    },
    restart: async (name) => {
      const entry = processes.get(name);
      if (!entry) throw new Error(`no process ${name}`);
      await stopChild(entry.child);
      await launch(entry.spec);
    },
    stop: stopAll,
  };
}

function stringify(values) {
  return Object.fromEntries(Object.entries(values).map(([key, value]) => [key, String(value)]));
}

async function waitReady(spec, child) {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${spec.name} exited with code ${child.exitCode} while starting`);
    if (
      await fetch(spec.ready).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error(`${spec.name} was not ready at ${spec.ready} within 90 s`);
}

function stopChild(child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** Starts everything, prints the URLs and stops everything on SIGINT/SIGTERM. */
export async function runDistributed() {
  const scaled = process.argv.includes('--scaled') || process.env.SCALED === 'true';
  const platform = await startDistributed(scaled ? { replicas: { auth: 2, user: 2, project: 2, comms: 2 }, gateways: 2 } : {});
  if (scaled) console.log(`\nScaled: ${platform.names().join(', ')}; the gateways answer behind the entry proxy.`);
  console.log(
    `\nDistributed platform ready:\n  Web app       ${platform.urls.web}\n  API gateway   ${platform.urls.gateway}\n  Dev inbox     ${platform.urls.inbox}\n  Payments      ${platform.urls.paymentSandbox}\nPress Ctrl-C to stop.\n`,
  );
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    platform.stop().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await runDistributed();
