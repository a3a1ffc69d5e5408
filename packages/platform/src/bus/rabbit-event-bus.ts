import { connect, type AmqpConnectionManager, type ChannelWrapper } from 'amqp-connection-manager';
import type { ConfirmChannel } from 'amqplib';
import type { Envelope } from '@msp/events';
import type { Logger } from '../logging/logger.js';
import { currentTraceparent } from '../telemetry/trace-context.js';
import { DEFAULT_RETRY_DELAYS_MS, type DeadLetter, type EventBus, type Subscription } from './event-bus.port.js';
import { RabbitConsumer } from './rabbit-consumer.js';
import { listDeadLetters, redriveDeadLetter } from './rabbit-dead-letters.js';
import { DEFAULT_EXCHANGE, assertExchange, type QueueType } from './rabbit-topology.js';

export interface RabbitEventBusOptions {
  /** e.g. `amqp://guest:guest@127.0.0.1:5672/%2F` (the vhost is the URL path). */
  url: string;
  /** The topic exchange (default `msp.events`). */
  exchange?: string;
  /** Delay before each redelivery of a failed message (default DEFAULT_RETRY_DELAYS_MS). */
  retryDelaysMs?: readonly number[];
  /** `publish` rejects when the broker has not confirmed within this time (default 10 s). */
  publishTimeoutMs?: number;
  /** Default messages in flight per consumer, when a subscription sets none (default 20). */
  prefetch?: number;
  /** Type of the main and retry queues (default quorum). */
  queueType?: QueueType;
  /** Heartbeats detect a dead broker connection within about two intervals (default 5 s). */
  heartbeatIntervalInSeconds?: number;
  /** How long `subscribe` waits for its queue to be declared and consumed (default 30 s). */
  subscribeTimeoutMs?: number;
  logger?: Logger;
}

const FIRST_RECONNECT_DELAY_S = 1;
const MAX_RECONNECT_DELAY_S = 30;

/**
 * The distributed-mode bus over RabbitMQ: one topic exchange, a durable queue per consuming service,
 * TTL retry queues and a DLQ per queue. Publishing waits for the publisher confirm; consuming acks
 * only after the handler resolved. Reconnects (with backoff) re-apply the topology and the consumers.
 */
export class RabbitEventBus implements EventBus {
  private readonly exchange: string;
  private readonly retryDelaysMs: readonly number[];
  private readonly publishTimeoutMs: number;
  private readonly prefetch: number;
  private readonly queueType: QueueType;
  private readonly subscribeTimeoutMs: number;
  private readonly logger: Logger | undefined;
  private readonly manager: AmqpConnectionManager;
  private readonly publisher: ChannelWrapper;
  private readonly consumers: RabbitConsumer[] = [];

  constructor(options: RabbitEventBusOptions) {
    this.exchange = options.exchange ?? DEFAULT_EXCHANGE;
    this.retryDelaysMs = options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
    this.publishTimeoutMs = options.publishTimeoutMs ?? 10_000;
    this.prefetch = options.prefetch ?? 20;
    this.queueType = options.queueType ?? 'quorum';
    this.subscribeTimeoutMs = options.subscribeTimeoutMs ?? 30_000;
    this.logger = options.logger;

    this.manager = connect([options.url], {
      heartbeatIntervalInSeconds: options.heartbeatIntervalInSeconds ?? 5,
      reconnectTimeInSeconds: FIRST_RECONNECT_DELAY_S,
    });
    this.watchConnection();

    this.publisher = this.manager.createChannel({
      name: 'publish',
      confirm: true,
      publishTimeout: this.publishTimeoutMs,
      setup: async (channel: ConfirmChannel) => {
        let ready = false;
        channel.on('error', (error: Error) => {
          this.logger?.error({ err: error }, 'event publish channel closed by the broker');
          // The manager replaces channels only on reconnect; until then every publish would time out.
          // (Not for a failing setup, which would otherwise reconnect in a tight loop.)
          if (ready) this.reconnect();
        });
        await assertExchange(channel, this.exchange);
        ready = true;
      },
    });
    this.publisher.on('error', (error: Error) => this.logger?.error({ err: error }, 'event publish channel setup failed'));
  }

  async publish(event: Envelope): Promise<void> {
    const time = Date.parse(event.time);
    // The publisher's span (the outbox relay's) when there is one, so consumers are its children.
    const traceparent = currentTraceparent() ?? event.traceparent;
    try {
      // The wrapper queues the message while disconnected and sends it on reconnect; the timeout is
      // what stops a caller (the outbox relay) from waiting forever while the broker is away.
      await this.publisher.publish(this.exchange, event.type, Buffer.from(JSON.stringify(event)), {
        persistent: true,
        contentType: 'application/json',
        messageId: event.id,
        type: event.type,
        timestamp: Math.floor((Number.isNaN(time) ? Date.now() : time) / 1000),
        headers: traceparent === undefined ? {} : { traceparent },
        timeout: this.publishTimeoutMs,
      });
    } catch (error) {
      if (error instanceof Error && error.message === 'timeout') {
        throw new Error(`event ${event.id} was not confirmed by RabbitMQ within ${this.publishTimeoutMs} ms`, { cause: error });
      }
      throw error;
    }
  }

  async subscribe(subscription: Subscription): Promise<void> {
    const consumer = new RabbitConsumer({
      manager: this.manager,
      exchange: this.exchange,
      subscription,
      prefetch: this.prefetch,
      retryDelaysMs: this.retryDelaysMs,
      queueType: this.queueType,
      confirmTimeoutMs: this.publishTimeoutMs,
      logger: this.logger,
    });
    this.consumers.push(consumer);
    try {
      await withTimeout(consumer.started, this.subscribeTimeoutMs, `consumer of ${subscription.queue} did not start`);
    } catch (error) {
      this.consumers.splice(this.consumers.indexOf(consumer), 1);
      await consumer.stop();
      throw error;
    }
  }

  async stopConsuming(): Promise<void> {
    const consumers = this.consumers.splice(0);
    await Promise.all(consumers.map((consumer) => consumer.stop()));
  }

  async ping(): Promise<void> {
    if (!this.manager.isConnected()) throw new Error('not connected to RabbitMQ');
  }

  async close(): Promise<void> {
    await this.stopConsuming();
    await this.publisher.close().catch(() => undefined);
    await this.manager.close();
  }

  /** Up to `limit` messages of `<queue>.dlq`, left in place. */
  async listDeadLetters(queue: string, limit: number): Promise<DeadLetter[]> {
    return this.withAdminChannel((channel) => listDeadLetters(channel, queue, limit));
  }

  /** Moves one message from `<queue>.dlq` back to `<queue>`; false when there is no such message. */
  async redriveDeadLetter(queue: string, messageId: string): Promise<boolean> {
    return this.withAdminChannel((channel) => redriveDeadLetter(channel, queue, messageId, this.publishTimeoutMs));
  }

  /**
   * A short-lived channel for one administrative operation, on the current connection: its messages
   * are held unacknowledged, so it must not outlive the connection they came from.
   */
  private async withAdminChannel<T>(operation: (channel: ConfirmChannel) => Promise<T>): Promise<T> {
    const connection = this.manager.connection;
    if (!connection) throw new Error('not connected to RabbitMQ');
    const channel = await connection.createConfirmChannel();
    // A missing DLQ closes the channel with an error event; the operation's own promise reports it.
    channel.on('error', (error: Error) => this.logger?.warn({ err: error }, 'dead-letter channel closed by the broker'));
    try {
      return await operation(channel);
    } finally {
      await channel.close().catch(() => undefined);
    }
  }

  private reconnect(): void {
    try {
      this.manager.reconnect();
    } catch {
      // Closed: the bus is shutting down.
    }
  }

  /** Logs connection changes and backs reconnects off exponentially while the broker stays away. */
  private watchConnection(): void {
    let failures = 0;
    this.manager.on('connect', () => {
      failures = 0;
      this.manager.reconnectTimeInSeconds = FIRST_RECONNECT_DELAY_S;
      this.logger?.info('connected to RabbitMQ');
    });
    this.manager.on('disconnect', ({ err }: { err: Error }) => {
      this.manager.reconnectTimeInSeconds = FIRST_RECONNECT_DELAY_S;
      this.logger?.warn({ err }, 'disconnected from RabbitMQ, reconnecting');
    });
    this.manager.on('connectFailed', ({ err }: { err: Error }) => {
      failures += 1;
      // Read by the manager right after this event, to schedule the next attempt.
      this.manager.reconnectTimeInSeconds = Math.min(MAX_RECONNECT_DELAY_S, FIRST_RECONNECT_DELAY_S * 2 ** failures);
      this.logger?.warn({ err, retryInSeconds: this.manager.reconnectTimeInSeconds }, 'could not connect to RabbitMQ');
    });
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
