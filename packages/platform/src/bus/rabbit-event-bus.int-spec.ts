import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { Writable } from 'node:stream';
import { connect as amqpConnect, type ChannelModel } from 'amqplib';
import { createEnvelope, type Envelope } from '@msp/events';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../logging/logger.js';
import type { EventHandler } from './event-bus.port.js';
import { RabbitEventBus, type RabbitEventBusOptions } from './rabbit-event-bus.js';

// A vhost of our own: the broker is shared, so this file never touches anything outside it.
const vhost = `msp-test-${randomUUID().slice(0, 8)}`;
const url = `amqp://guest:guest@127.0.0.1:5672/${encodeURIComponent(vhost)}`;
const WAIT = { timeout: 10_000, interval: 50 };
const STATS_WAIT = { timeout: 20_000, interval: 500 };

function rabbitmqctl(...args: string[]): string {
  return execFileSync('rabbitmqctl', ['--quiet', ...args], { encoding: 'utf8', timeout: 60_000 });
}

/** Rows of `rabbitmqctl list_queues` for this vhost, as name → the requested columns. */
function listQueues(...columns: string[]): Map<string, string[]> {
  const output = rabbitmqctl('list_queues', '-p', vhost, '--no-table-headers', 'name', ...columns);
  const rows = output.split('\n').filter((line) => line.trim() !== '');
  return new Map(rows.map((line) => line.split('\t')).map(([name, ...rest]) => [name ?? '', rest]));
}

function registered(traceparent?: string): Envelope {
  return createEnvelope({
    type: 'auth.user.registered.v1',
    source: 'auth-service',
    data: { userId: randomUUID(), email: 'ada@example.com', displayName: 'Ada', locale: 'en' },
    ...(traceparent === undefined ? {} : { traceparent }),
  });
}

function gate(): { promise: Promise<void>; open: () => void } {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

/** Fails instead of hanging when something never happens. */
async function within<T>(promise: Promise<T>, ms = 10_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`nothing within ${ms} ms`)), ms)));
  return Promise.race([promise, expired]).finally(() => clearTimeout(timer));
}

describe('RabbitEventBus (real RabbitMQ)', () => {
  const buses: RabbitEventBus[] = [];
  let raw: ChannelModel;

  function newBus(options: Partial<RabbitEventBusOptions> = {}): RabbitEventBus {
    const bus = new RabbitEventBus({ url, retryDelaysMs: [200, 400], ...options });
    buses.push(bus);
    return bus;
  }

  beforeAll(async () => {
    rabbitmqctl('add_vhost', vhost);
    rabbitmqctl('set_permissions', '-p', vhost, 'guest', '.*', '.*', '.*');
    raw = await openRaw();
  });

  async function openRaw(): Promise<ChannelModel> {
    const connection = await amqpConnect(url);
    // A broker-side close (the reconnect test) arrives as an 'error' event, fatal without a listener.
    return connection.on('error', () => undefined);
  }

  /** Messages ready in a queue, asked of the broker directly (rabbitmqctl's statistics lag seconds). */
  async function depth(queue: string): Promise<number> {
    const channel = await raw.createChannel();
    const { messageCount } = await channel.checkQueue(queue);
    await channel.close();
    return messageCount;
  }

  afterAll(async () => {
    await Promise.allSettled(buses.map((bus) => within(bus.close())));
    await raw?.close().catch(() => undefined);
    rabbitmqctl('delete_vhost', vhost);
  });

  it('publishes with a confirm and delivers the event to the subscribed queue', async () => {
    const bus = newBus();
    const received: Envelope[] = [];
    await bus.subscribe({ queue: 'roundtrip', events: ['auth.#'], handler: async (event) => void received.push(event) });
    await bus.ping();

    // A tap on the exchange to look at the message itself.
    const channel = await raw.createChannel();
    await channel.assertExchange('msp.events', 'topic', { durable: true });
    const { queue: tap } = await channel.assertQueue('', { exclusive: true });
    await channel.bindQueue(tap, 'msp.events', 'auth.user.registered.v1');

    const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    const event = registered(traceparent);
    await bus.publish(event);

    await vi.waitFor(() => expect(received).toEqual([event]), WAIT);
    const message = await vi.waitFor(async () => {
      const got = await channel.get(tap, { noAck: true });
      if (got === false) throw new Error('nothing on the tap yet');
      return got;
    }, WAIT);
    expect(message.fields.routingKey).toBe('auth.user.registered.v1');
    expect(message.properties).toMatchObject({
      contentType: 'application/json',
      messageId: event.id,
      type: event.type,
      deliveryMode: 2,
      timestamp: Math.floor(Date.parse(event.time) / 1000),
      headers: { traceparent },
    });
    await channel.close();

    const types = listQueues('type');
    expect(['roundtrip', 'roundtrip.retry.1', 'roundtrip.retry.2', 'roundtrip.dlq'].map((name) => types.get(name))).toEqual([
      ['quorum'],
      ['quorum'],
      ['quorum'],
      ['classic'],
    ]);
  });

  it('acks only after the handler resolved: a consumer that dies mid-handler has its message redelivered', async () => {
    const crashing = newBus();
    const inHandler = gate();
    const never = gate();
    await crashing.subscribe({
      queue: 'crash',
      events: ['auth.#'],
      handler: async () => {
        inHandler.open();
        await never.promise;
      },
    });
    const event = registered();
    await crashing.publish(event);
    await within(inHandler.promise);
    // Queue statistics are refreshed every few seconds, hence the wait.
    await vi.waitFor(() => expect(listQueues('messages_unacknowledged').get('crash')).toEqual(['1']), STATS_WAIT);

    // The process "dies": its connection goes away while the handler has not finished.
    await (crashing as unknown as { manager: { close(): Promise<void> } }).manager.close();

    const replacement = newBus();
    const redelivered: string[] = [];
    await replacement.subscribe({ queue: 'crash', events: ['auth.#'], handler: async (e) => void redelivered.push(e.id) });
    await vi.waitFor(() => expect(redelivered).toEqual([event.id]), WAIT);

    // The dead consumer's handler finishing late must not ack or duplicate anything.
    never.open();
    await within(crashing.close());
    expect(redelivered).toEqual([event.id]);
    // The replacement acked it: once its consumer is gone, nothing is returned to the queue.
    await within(replacement.stopConsuming());
    expect(await depth('crash')).toBe(0);
  });

  it('stopConsuming waits for the handler in flight, which then acks', async () => {
    const bus = newBus();
    const inHandler = gate();
    const release = gate();
    await bus.subscribe({
      queue: 'stopping',
      events: ['auth.#'],
      handler: async () => {
        inHandler.open();
        await release.promise;
      },
    });
    await bus.publish(registered());
    await within(inHandler.promise);

    let stopped = false;
    const stopping = bus.stopConsuming().then(() => (stopped = true));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(stopped).toBe(false);

    release.open();
    await within(stopping);
    // It was acked: a new consumer of the queue gets nothing.
    const next = newBus();
    const redelivered = vi.fn<EventHandler>(async () => {});
    await next.subscribe({ queue: 'stopping', events: ['auth.#'], handler: redelivered });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(redelivered).not.toHaveBeenCalled();
  });

  it('rejects a subscription whose queue conflicts with an existing declaration', async () => {
    const channel = await raw.createChannel();
    await channel.assertQueue('conflict', { durable: true, arguments: { 'x-queue-type': 'classic' } });
    await channel.close();

    const bus = newBus();
    await expect(bus.subscribe({ queue: 'conflict', events: ['auth.#'], handler: async () => {} })).rejects.toThrow(/PRECONDITION_FAILED/);
  });

  it('reconnects when the broker drops the connection, and consumes again', async () => {
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk: Buffer, _encoding, done) => void (lines.push(chunk.toString()), done()) });
    const bus = newBus({ logger: createLogger('bus-test', 'info', sink) });
    const received: string[] = [];
    await bus.subscribe({ queue: 'reconnect', events: ['auth.#'], handler: async (event) => void received.push(event.id) });

    // Only the connections of this file's vhost.
    rabbitmqctl('close_all_connections', '--vhost', vhost, '--limit', '100', 'reconnect test');
    await vi.waitFor(() => expect(lines.join('')).toMatch(/disconnected from RabbitMQ/), WAIT);

    // Queued while disconnected, confirmed after the reconnect, consumed by the re-created consumer.
    const event = registered();
    await within(bus.publish(event));
    await vi.waitFor(() => expect(received).toEqual([event.id]), WAIT);
    await bus.ping();
    raw = await openRaw();
  });

  it('rejects publish after publishTimeoutMs, and ping, while the broker is unreachable', async () => {
    // A port that was free a moment ago: nothing answers there.
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    await new Promise((resolve) => server.close(resolve));

    const bus = newBus({ url: `amqp://guest:guest@127.0.0.1:${port}`, publishTimeoutMs: 300 });
    const started = Date.now();
    await expect(within(bus.publish(registered()), 5_000)).rejects.toThrow(/not confirmed by RabbitMQ within 300 ms/);
    expect(Date.now() - started).toBeLessThan(2_000);
    await expect(bus.ping()).rejects.toThrow(/not connected/);
  });
});
