import type { AmqpConnectionManager, ChannelWrapper } from 'amqp-connection-manager';
import type { ConfirmChannel, ConsumeMessage } from 'amqplib';
import { parseEnvelope } from '@msp/events';
import type { Logger } from '../logging/logger.js';
import type { Subscription } from './event-bus.port.js';
import { failureReason } from './failure-reason.js';
import { countDelivery, handleObserved } from './observed-handler.js';
import {
  ATTEMPT_HEADER,
  ATTEMPTS_HEADER,
  DEAD_LETTERED_AT_HEADER,
  DEAD_LETTER_REASON_HEADER,
  LAST_ERROR_HEADER,
  attemptOf,
  copyProperties,
  forwardedHeaders,
  headerString,
  publishConfirmed,
} from './rabbit-message.js';
import { assertQueueTopology, deadLetterQueueName, retryQueueName, type QueueType } from './rabbit-topology.js';

export interface RabbitConsumerOptions {
  manager: AmqpConnectionManager;
  exchange: string;
  subscription: Subscription;
  prefetch: number;
  retryDelaysMs: readonly number[];
  queueType: QueueType;
  /** Bound on waiting for the confirm of a retry or dead-letter copy. */
  confirmTimeoutMs: number;
  logger: Logger | undefined;
}

/**
 * One subscription's consumer, on its own confirm channel (so prefetch is per subscription, and the
 * copies it publishes to retry queues are confirmed on the channel that holds the original).
 */
export class RabbitConsumer {
  /** Settles with the outcome of the first setup, so `subscribe` can report a topology conflict. */
  readonly started: Promise<void>;
  private readonly wrapper: ChannelWrapper;
  private readonly handlersInFlight = new Set<Promise<void>>();
  private consuming: { channel: ConfirmChannel; consumerTag: string } | undefined;
  private stopped = false;
  private settleStarted: ((error?: unknown) => void) | undefined;

  constructor(private readonly options: RabbitConsumerOptions) {
    this.started = new Promise((resolve, reject) => {
      this.settleStarted = (error) => (error === undefined ? resolve() : reject(error));
    });
    // Nobody may be awaiting `started` when it fails (a later caller did); the failure is logged anyway.
    this.started.catch(() => undefined);
    this.wrapper = options.manager.createChannel({
      name: `consume:${this.queue}`,
      confirm: true,
      // amqp-connection-manager runs this on every (re)connect: topology and consumer come back together.
      setup: (channel: ConfirmChannel) => this.setup(channel),
    });
    this.wrapper.on('error', (error: Error) =>
      options.logger?.error({ err: error, queue: this.queue }, 'event consumer channel setup failed'),
    );
  }

  private get queue(): string {
    return this.options.subscription.queue;
  }

  /** Cancels the consumer, waits for handlers in flight, then closes the channel. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.settleStarted?.(new Error(`consumer of ${this.queue} stopped before it started`));
    const consuming = this.consuming;
    this.consuming = undefined;
    if (consuming) {
      await consuming.channel.cancel(consuming.consumerTag).catch(() => undefined);
    }
    await Promise.allSettled([...this.handlersInFlight]);
    // Closing the channel returns any message still prefetched but never handed to a handler.
    await this.wrapper.close().catch(() => undefined);
  }

  private async setup(channel: ConfirmChannel): Promise<void> {
    // amqplib throws from inside its frame parser when an 'error' event has no listener.
    channel.on('error', (error: Error) => this.onChannelError(channel, error));
    try {
      await this.declareAndConsume(channel);
      this.settleStarted?.();
    } catch (error) {
      this.settleStarted?.(error);
      throw error;
    } finally {
      this.settleStarted = undefined;
    }
  }

  private async declareAndConsume(channel: ConfirmChannel): Promise<void> {
    const { exchange, subscription, retryDelaysMs, queueType } = this.options;
    const topology = { exchange, queue: subscription.queue, patterns: subscription.events, retryDelaysMs, queueType };
    await assertQueueTopology(channel, topology);
    if (this.stopped) return;
    await channel.prefetch(subscription.prefetch ?? this.options.prefetch);
    const { consumerTag } = await channel.consume(this.queue, (message) => this.onMessage(channel, message), {
      noAck: false,
    });
    this.consuming = { channel, consumerTag };
  }

  private onChannelError(channel: ConfirmChannel, error: Error): void {
    this.options.logger?.error({ err: error, queue: this.queue }, 'event consumer channel closed by the broker');
    // amqp-connection-manager only replaces channels when the connection comes back, so a channel the
    // broker closed on its own would leave this queue without a consumer. Reconnecting rebuilds it.
    // Only for a channel that was consuming: a failing setup would otherwise reconnect in a tight loop.
    if (this.stopped || this.consuming?.channel !== channel) return;
    this.consuming = undefined;
    try {
      this.options.manager.reconnect();
    } catch {
      // The manager is closed: the bus is shutting down and nothing is left to consume for.
    }
  }

  private onMessage(channel: ConfirmChannel, message: ConsumeMessage | null): void {
    if (message === null) {
      // The broker cancelled the consumer (the queue was deleted): declare it again and resume.
      if (this.consuming?.channel === channel) this.consuming = undefined;
      if (this.stopped) return;
      this.options.logger?.warn({ queue: this.queue }, 'event consumer cancelled by the broker, re-declaring');
      this.declareAndConsume(channel).catch((error: unknown) =>
        this.options.logger?.error({ err: error, queue: this.queue }, 'could not resume consuming'),
      );
      return;
    }
    if (this.stopped) {
      // Delivered between the cancel and its confirmation: give it back for another consumer.
      settle(() => channel.nack(message, false, true));
      return;
    }
    const handling = this.handle(channel, message).finally(() => this.handlersInFlight.delete(handling));
    this.handlersInFlight.add(handling);
  }

  private async handle(channel: ConfirmChannel, message: ConsumeMessage): Promise<void> {
    try {
      // A message that is not JSON or not a known, valid event fails like a handler error: it is
      // retried and then parked in the DLQ, never acted upon and never silently dropped.
      const event = parseEnvelope(JSON.parse(message.content.toString('utf8')));
      await handleObserved(this.queue, event, headerString(message, 'traceparent'), this.options.subscription.handler);
    } catch (error) {
      await this.reroute(channel, message, error);
      return;
    }
    // Acknowledged only now that the handler's work is done. If the channel died meanwhile, the ack
    // cannot be sent and the broker redelivers: the inbox makes that harmless.
    settle(() => channel.ack(message));
  }

  /** Moves a failed message to its next retry queue, or to the DLQ after the last retry. */
  private async reroute(channel: ConfirmChannel, message: ConsumeMessage, error: unknown): Promise<void> {
    const attempt = attemptOf(message);
    const reason = failureReason(error);
    const headers = forwardedHeaders(message);
    const retryDelay = this.options.retryDelaysMs[attempt];
    const eventId = message.properties.messageId as string | undefined;
    let target: string;
    if (retryDelay !== undefined) {
      target = retryQueueName(this.queue, attempt + 1);
      headers[ATTEMPT_HEADER] = attempt + 1;
      headers[LAST_ERROR_HEADER] = reason;
      countDelivery(this.queue, 'retried');
      this.options.logger?.warn(
        { err: error, queue: this.queue, eventId, attempt: attempt + 1, retryDelay },
        'event handler failed, will retry',
      );
    } else {
      target = deadLetterQueueName(this.queue);
      headers[DEAD_LETTER_REASON_HEADER] = reason;
      headers[ATTEMPTS_HEADER] = attempt + 1;
      headers[DEAD_LETTERED_AT_HEADER] = new Date().toISOString();
      countDelivery(this.queue, 'dead_lettered');
      this.options.logger?.error({ err: error, queue: this.queue, eventId, attempts: attempt + 1 }, 'event dead-lettered');
    }
    try {
      // The default exchange routes by queue name, so the copy reaches exactly this service's queue.
      await publishConfirmed(channel, '', target, message.content, { ...copyProperties(message), headers }, this.options.confirmTimeoutMs);
    } catch (copyError) {
      // Without a confirmed copy the original must stay: requeue it and let the next delivery try again.
      this.options.logger?.error({ err: copyError, queue: this.queue, eventId, target }, 'could not move failed event, requeueing');
      countDelivery(this.queue, 'requeued');
      settle(() => channel.nack(message, false, true));
      return;
    }
    settle(() => channel.ack(message));
  }
}

/** Acks and nacks on a channel that has since closed throw; the broker redelivers those messages anyway. */
function settle(action: () => void): void {
  try {
    action();
  } catch {
    // Nothing to do: the message is back in its queue.
  }
}
