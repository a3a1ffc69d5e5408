import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { connect as amqpConnect, type ChannelModel } from 'amqplib';
import { createEnvelope, type Envelope } from '@msp/events';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { EventHandler } from './event-bus.port.js';
import { RabbitEventBus, type RabbitEventBusOptions } from './rabbit-event-bus.js';

// A vhost of our own: the broker is shared, so this file never touches anything outside it.
const vhost = `msp-test-${randomUUID().slice(0, 8)}`;
const url = `amqp://guest:guest@127.0.0.1:5672/${encodeURIComponent(vhost)}`;
const WAIT = { timeout: 10_000, interval: 50 };

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
function within<T>(promise: Promise<T>, ms = 10_000): Promise<T> {
  return Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no result within ${ms} ms`)), ms))]);
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
    raw = await amqpConnect(url);
  });

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

    const queues = listQueues('type', 'messages');
    expect(queues.get('roundtrip')).toEqual(['quorum', '0']);
    expect(queues.get('roundtrip.retry.1')?.[0]).toBe('quorum');
    expect(queues.get('roundtrip.retry.2')?.[0]).toBe('quorum');
    expect(queues.get('roundtrip.dlq')?.[0]).toBe('classic');
  });

  it('retries a failing handler after each delay, then dead-letters it with the reason', async () => {
    const bus = newBus();
    const calls: number[] = [];
    await bus.subscribe({
      queue: 'failing',
      events: ['auth.user.registered.v1'],
      handler: async () => {
        calls.push(Date.now());
        throw new Error('smtp down');
      },
    });
    const event = registered();
    await bus.publish(event);

    const [letter] = await vi.waitFor(async () => {
      const letters = await bus.listDeadLetters('failing', 10);
      expect(letters).toHaveLength(1);
      return letters;
    }, WAIT);
    expect(letter).toMatchObject({ id: event.id, queue: 'failing', event, reason: 'Error: smtp down', attempts: 3 });
    expect(Date.parse(letter?.deadLetteredAt ?? '')).not.toBeNaN();

    expect(calls).toHaveLength(3);
    const [first = 0, second = 0, third = 0] = calls;
    expect(second - first).toBeGreaterThanOrEqual(180);
    expect(third - second).toBeGreaterThanOrEqual(380);

    // Listing leaves the dead letter where it is.
    expect(await bus.listDeadLetters('failing', 10)).toHaveLength(1);
    expect(listQueues('messages').get('failing.dlq')).toEqual(['1']);
    expect(listQueues('messages').get('failing')).toEqual(['0']);
  });

  it('dead-letters a message that is not a valid event instead of acting on it', async () => {
    const bus = newBus({ retryDelaysMs: [50] });
    const handler = vi.fn<EventHandler>(async () => {});
    await bus.subscribe({ queue: 'poison', events: ['auth.#'], handler });

    const channel = await raw.createConfirmChannel();
    channel.publish('msp.events', 'auth.user.registered.v1', Buffer.from('{not json'), { messageId: 'poison-1' });
    await channel.waitForConfirms();
    await channel.close();

    const [letter] = await vi.waitFor(async () => {
      const letters = await bus.listDeadLetters('poison', 10);
      expect(letters).toHaveLength(1);
      return letters;
    }, WAIT);
    expect(letter).toMatchObject({ id: 'poison-1', event: '{not json', attempts: 2 });
    expect(letter?.reason).toMatch(/^SyntaxError/);
    expect(handler).not.toHaveBeenCalled();
  });

  it('redrives a dead letter back to its queue only, with a fresh retry budget', async () => {
    const bus = newBus({ retryDelaysMs: [] });
    let healthy = false;
    const handled: string[] = [];
    const other: string[] = [];
    await bus.subscribe({
      queue: 'redrive',
      events: ['auth.#'],
      handler: async (event) => {
        if (!healthy) throw new Error('not yet');
        handled.push(event.id);
      },
    });
    await bus.subscribe({ queue: 'bystander', events: ['auth.#'], handler: async (event) => void other.push(event.id) });

    const event = registered();
    await bus.publish(event);
    await vi.waitFor(async () => expect(await bus.listDeadLetters('redrive', 10)).toHaveLength(1), WAIT);

    expect(await bus.redrive('redrive', randomUUID())).toBe(false);
    expect(await bus.listDeadLetters('redrive', 10)).toHaveLength(1);

    healthy = true;
    expect(await bus.redrive('redrive', event.id)).toBe(true);
    await vi.waitFor(() => expect(handled).toEqual([event.id]), WAIT);
    expect(await bus.listDeadLetters('redrive', 10)).toEqual([]);
    expect(other).toEqual([event.id]);
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
    expect(listQueues('messages_unacknowledged').get('crash')).toEqual(['1']);

    // The process "dies": its connection goes away while the handler has not finished.
    await (crashing as unknown as { manager: { close(): Promise<void> } }).manager.close();

    const replacement = newBus();
    const redelivered: string[] = [];
    await replacement.subscribe({ queue: 'crash', events: ['auth.#'], handler: async (e) => void redelivered.push(e.id) });
    await vi.waitFor(() => expect(redelivered).toEqual([event.id]), WAIT);

    // The dead consumer's handler finishing late must not ack or duplicate anything.
    never.open();
    await within(crashing.close());
    await vi.waitFor(() => expect(listQueues('messages', 'messages_unacknowledged').get('crash')).toEqual(['0', '0']), WAIT);
    expect(redelivered).toEqual([event.id]);
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
    expect(listQueues('messages', 'messages_unacknowledged', 'consumers').get('stopping')).toEqual(['0', '0', '0']);
  });

  it('rejects a subscription whose queue conflicts with an existing declaration', async () => {
    const channel = await raw.createChannel();
    await channel.assertQueue('conflict', { durable: true, arguments: { 'x-queue-type': 'classic' } });
    await channel.close();

    const bus = newBus();
    await expect(bus.subscribe({ queue: 'conflict', events: ['auth.#'], handler: async () => {} })).rejects.toThrow(
      /PRECONDITION_FAILED/,
    );
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
