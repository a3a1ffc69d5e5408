// Event-to-inbox latency and email throughput of the distributed platform (one process per service,
// the machine's PostgreSQL and RabbitMQ on a vhost and databases of its own, the dev SMTP inbox):
//   steady  — sign-ups through the gateway at a fixed rate; latency = the 201 answer → the email's
//             arrival time in the dev inbox (its `Created`), p50/p95/max;
//   burst   — N sign-ups as fast as the gateway takes them; time until every email has arrived;
//   publish — N verification events published straight onto the exchange (no gateway, no argon2):
//             the comms pipeline alone (consume → queue delivery → SMTP), emails per second.
// The baseline, measured in the same run against the same inbox, is nodemailer sending directly:
// per-message latency (one connection, one at a time) and throughput (a pool of 3 connections, as
// comms uses). Ratios say what the event path adds on this machine, whatever its speed today.
import { randomBytes, randomUUID } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { connect as amqpConnect } from 'amqplib';
import nodemailer from 'nodemailer';
import { capturedMessages, clearInbox, createVhost, dropDatabases, freePorts, runPaced, TestGatewayClient, uniqueName } from '@msp/testing';
import { startDistributed } from '../distributed.mjs';

const STEADY_RATE = Number(process.env.BENCH_STEADY_RATE ?? 20);
const STEADY_SECONDS = Number(process.env.BENCH_STEADY_SECONDS ?? 15);
const BURST = Number(process.env.BENCH_BURST ?? 300);
const PUBLISHED = Number(process.env.BENCH_PUBLISHED ?? 1000);
const BASELINE_MESSAGES = 200;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

function summary(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return { count: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted.at(-1) ?? NaN };
}

/** Waits until every address has an email in the inbox; returns each one's arrival time (ms). */
async function arrivals(inboxUrl, addresses, timeoutMs) {
  const wanted = new Set(addresses.map((address) => address.toLowerCase()));
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const seen = new Map();
    for (const message of await capturedMessages(inboxUrl)) {
      for (const to of message.To) {
        const address = to.Address.toLowerCase();
        if (!wanted.has(address)) continue;
        const at = Date.parse(message.Created);
        if (!seen.has(address) || at < seen.get(address)) seen.set(address, at);
      }
    }
    if (seen.size === wanted.size) return seen;
    if (Date.now() > deadline) throw new Error(`only ${seen.size} of ${wanted.size} emails arrived within ${timeoutMs} ms`);
    await sleep(200);
  }
}

async function register(gateway, email) {
  const response = await gateway.call('POST', '/api/v1/auth/register', {
    body: { email, password: 'long-enough-password', displayName: 'Bench' },
  });
  if (response.status !== 201) throw new Error(`register ${email} → ${response.status} ${JSON.stringify(response.body)}`);
  return Date.now();
}

async function steady(gateway, inboxUrl, tag) {
  const count = STEADY_RATE * STEADY_SECONDS;
  const answeredAt = new Map();
  await runPaced(count, { ratePerSecond: STEADY_RATE, concurrency: 16 }, async (index) => {
    const email = `steady-${tag}-${index}@example.test`;
    answeredAt.set(email, await register(gateway, email));
  });
  const arrived = await arrivals(inboxUrl, [...answeredAt.keys()], 120_000);
  return summary([...answeredAt].map(([email, at]) => arrived.get(email) - at));
}

async function burst(gateway, inboxUrl, tag) {
  const emails = Array.from({ length: BURST }, (_, index) => `burst-${tag}-${index}@example.test`);
  const started = Date.now();
  await runPaced(BURST, { ratePerSecond: 1_000_000, concurrency: 16 }, async (index) => void (await register(gateway, emails[index])));
  const registeredSeconds = (Date.now() - started) / 1000;
  const arrived = await arrivals(inboxUrl, emails, 180_000);
  const seconds = (Math.max(...arrived.values()) - started) / 1000;
  return { count: BURST, seconds, perSecond: BURST / seconds, registrationsPerSecond: BURST / registeredSeconds };
}

async function publishDirect(amqpUrl, inboxUrl, tag) {
  const emails = Array.from({ length: PUBLISHED }, (_, index) => `published-${tag}-${index}@example.test`);
  const connection = await amqpConnect(amqpUrl);
  connection.on('error', () => undefined);
  const started = Date.now();
  try {
    const channel = await connection.createConfirmChannel();
    for (const email of emails) {
      const id = randomUUID();
      const envelope = {
        specversion: '1.0',
        id,
        source: 'bench',
        type: 'auth.email_verification.requested.v1',
        time: new Date().toISOString(),
        datacontenttype: 'application/json',
        data: {
          userId: randomUUID(),
          email,
          displayName: 'Bench',
          locale: 'en',
          token: randomBytes(24).toString('base64url'),
          expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
        },
      };
      channel.publish('msp.events', envelope.type, Buffer.from(JSON.stringify(envelope)), {
        persistent: true,
        contentType: 'application/json',
        messageId: id,
        type: envelope.type,
      });
    }
    await channel.waitForConfirms();
  } finally {
    await connection.close().catch(() => undefined);
  }
  const arrived = await arrivals(inboxUrl, emails, 300_000);
  const seconds = (Math.max(...arrived.values()) - started) / 1000;
  return { count: PUBLISHED, seconds, perSecond: PUBLISHED / seconds };
}

/**
 * nodemailer straight to the inbox: per message over one warm connection, one at a time (as comms
 * keeps its pool open; a fresh connection costs ~100 ms here, smtp-server's greeting delay), then
 * throughput through a pool of 3 connections, as comms uses.
 */
async function baseline(smtpPort, inboxUrl, tag) {
  const mail = (to) => ({ from: 'bench@example.test', to, subject: 'Baseline', text: 'Confirm your email address: http://x/?token=abc' });
  const single = nodemailer.createTransport({
    host: '127.0.0.1',
    port: smtpPort,
    secure: false,
    ignoreTLS: true,
    pool: true,
    maxConnections: 1,
  });
  const latencies = [];
  const sent = new Map();
  try {
    await single.sendMail(mail(`warm-up-${tag}@example.test`));
    for (let index = 0; index < BASELINE_MESSAGES; index++) {
      const to = `baseline-${tag}-${index}@example.test`;
      const before = Date.now();
      await single.sendMail(mail(to));
      sent.set(to, before);
      latencies.push(Date.now() - before);
    }
  } finally {
    single.close();
  }
  // Same measure as the platform's (send → inbox arrival time), not only the client's view.
  const arrived = await arrivals(inboxUrl, [...sent.keys()], 60_000);
  const toInbox = summary([...sent].map(([to, at]) => arrived.get(to) - at));

  const pool = nodemailer.createTransport({
    host: '127.0.0.1',
    port: smtpPort,
    secure: false,
    ignoreTLS: true,
    pool: true,
    maxConnections: 3,
  });
  const started = Date.now();
  try {
    await Promise.all(Array.from({ length: PUBLISHED }, (_, index) => pool.sendMail(mail(`pooled-${tag}-${index}@example.test`))));
  } finally {
    pool.close();
  }
  const seconds = (Date.now() - started) / 1000;
  return { latency: summary(latencies), toInbox, throughput: { count: PUBLISHED, seconds, perSecond: PUBLISHED / seconds } };
}

/** Runs the whole measurement on a platform of its own and prints the table; returns the figures. */
export async function run() {
  const tag = randomBytes(3).toString('hex');
  const dbPrefix = `${uniqueName('msp_bench')}_`;
  const vhost = createVhost('msp-bench');
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
  let platform;
  try {
    platform = await startDistributed({
      env: {
        ...process.env,
        DB_PREFIX: dbPrefix,
        AMQP_URL: vhost.url,
        START_WEB: 'false',
        LOG_LEVEL: 'warn',
        RATE_LIMIT_GLOBAL_PER_MINUTE: '1000000',
        RATE_LIMIT_SENSITIVE_PER_MINUTE: '1000000',
        RATE_LIMIT_AUTH_PER_MINUTE: '1000000',
        RATE_LIMIT_LOGIN_PER_MINUTE: '1000000',
        INBOX_MAX_MESSAGES: '20000',
      },
      ports,
      output: 'capture',
    });
    const gateway = new TestGatewayClient(platform.urls.gateway);
    const inboxUrl = platform.urls.inbox;

    const base = await baseline(ports.smtp, inboxUrl, tag);
    await clearInbox(inboxUrl);
    const latency = await steady(gateway, inboxUrl, tag);
    await clearInbox(inboxUrl);
    const burstResult = await burst(gateway, inboxUrl, tag);
    await clearInbox(inboxUrl);
    const published = await publishDirect(vhost.url, inboxUrl, tag);

    const ms = (value) => `${Math.round(value)} ms`.padStart(9);
    const rate = (value) => `${value.toFixed(1)}/s`.padStart(9);
    const ratio = (value) => `×${value.toFixed(1)}`.padStart(8);
    console.log('event → inbox, distributed mode (ratio to nodemailer → the same dev inbox, same run)');
    console.log(`${''.padEnd(58)}      p50       p95       max    ratio(p50)`);
    console.log(
      `${`baseline: nodemailer send, 1 warm connection (${base.latency.count})`.padEnd(58)}${ms(base.latency.p50)} ${ms(base.latency.p95)} ${ms(base.latency.max)}`,
    );
    console.log(
      `${'baseline: nodemailer send → inbox arrival'.padEnd(58)}${ms(base.toInbox.p50)} ${ms(base.toInbox.p95)} ${ms(base.toInbox.max)}`,
    );
    console.log(
      `${`sign-up 201 → email in inbox, ${STEADY_RATE}/s for ${STEADY_SECONDS} s (${latency.count})`.padEnd(58)}${ms(latency.p50)} ${ms(latency.p95)} ${ms(latency.max)} ${ratio(latency.p50 / Math.max(1, base.toInbox.p50))}`,
    );
    console.log(`${''.padEnd(58)}    count   seconds    emails/s   ratio`);
    console.log(
      `${'baseline: nodemailer, pool of 3 connections'.padEnd(58)}${String(base.throughput.count).padStart(9)} ${base.throughput.seconds.toFixed(1).padStart(9)} ${rate(base.throughput.perSecond)}`,
    );
    console.log(
      `${`burst: ${BURST} sign-ups → all emails arrived`.padEnd(58)}${String(burstResult.count).padStart(9)} ${burstResult.seconds.toFixed(1).padStart(9)} ${rate(burstResult.perSecond)} ${ratio(burstResult.perSecond / base.throughput.perSecond)}  (gateway took ${burstResult.registrationsPerSecond.toFixed(1)} sign-ups/s)`,
    );
    console.log(
      `${`publish: ${PUBLISHED} events on the exchange → all emails arrived`.padEnd(58)}${String(published.count).padStart(9)} ${published.seconds.toFixed(1).padStart(9)} ${rate(published.perSecond)} ${ratio(published.perSecond / base.throughput.perSecond)}`,
    );
    return {
      mode: 'distributed',
      baseline: base,
      steady: { ratePerSecond: STEADY_RATE, seconds: STEADY_SECONDS, latencyMs: latency },
      burst: burstResult,
      publish: published,
    };
  } catch (error) {
    if (platform) console.error(platform.output().slice(-4000));
    throw error;
  } finally {
    await platform?.stop();
    vhost.remove();
    await dropDatabases(dbPrefix);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await run();
