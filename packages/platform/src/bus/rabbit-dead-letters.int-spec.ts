import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
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

function registered(): Envelope {
  return createEnvelope({
    type: 'auth.user.registered.v1',
    source: 'auth-service',
    data: { userId: randomUUID(), email: 'ada@example.com', displayName: 'Ada', locale: 'en' },
  });
}

/** Fails instead of hanging when something never happens. */
async function within<T>(promise: Promise<T>, ms = 10_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`nothing within ${ms} ms`)), ms)));
  return Promise.race([promise, expired]).finally(() => clearTimeout(timer));
}

function waitForDeadLetters(bus: RabbitEventBus, queue: string, count: number) {
  return vi.waitFor(async () => {
    const letters = await bus.listDeadLetters(queue, 10);
    expect(letters).toHaveLength(count);
    return letters;
  }, WAIT);
}

describe('RabbitEventBus retries and dead letters (real RabbitMQ)', () => {
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

    const [letter] = await waitForDeadLetters(bus, 'failing', 1);
    expect(letter).toMatchObject({ id: event.id, queue: 'failing', event, reason: 'Error: smtp down', attempts: 3 });
    expect(Date.parse(letter?.deadLetteredAt ?? '')).not.toBeNaN();

    expect(calls).toHaveLength(3);
    const [first = 0, second = 0, third = 0] = calls;
    expect(second - first).toBeGreaterThanOrEqual(180);
    expect(third - second).toBeGreaterThanOrEqual(380);

    // Listing leaves the dead letter where it is.
    expect(await bus.listDeadLetters('failing', 10)).toHaveLength(1);
    expect(await depth('failing.dlq')).toBe(1);
    expect(await depth('failing')).toBe(0);
  });

  it('dead-letters a message that is not a valid event instead of acting on it', async () => {
    const bus = newBus({ retryDelaysMs: [50] });
    const handler = vi.fn<EventHandler>(async () => {});
    await bus.subscribe({ queue: 'poison', events: ['auth.#'], handler });

    const channel = await raw.createConfirmChannel();
    channel.publish('msp.events', 'auth.user.registered.v1', Buffer.from('{not json'), { messageId: 'poison-1' });
    await channel.waitForConfirms();
    await channel.close();

    const [letter] = await waitForDeadLetters(bus, 'poison', 1);
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
    await waitForDeadLetters(bus, 'redrive', 1);

    expect(await bus.redriveDeadLetter('redrive', randomUUID())).toBe(false);
    expect(await bus.listDeadLetters('redrive', 10)).toHaveLength(1);

    healthy = true;
    expect(await bus.redriveDeadLetter('redrive', event.id)).toBe(true);
    await vi.waitFor(() => expect(handled).toEqual([event.id]), WAIT);
    expect(await bus.listDeadLetters('redrive', 10)).toEqual([]);
    expect(other).toEqual([event.id]);
  });
});
