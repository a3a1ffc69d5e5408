import type { Channel } from 'amqplib';

/** The one topic exchange every service publishes to; routing key = event type. */
export const DEFAULT_EXCHANGE = 'msp.events';

/**
 * Quorum queues are replicated and are what a RabbitMQ cluster should run; classic queues are lighter
 * on a single development node. Both behave the same for this bus.
 */
export type QueueType = 'quorum' | 'classic';

export interface QueueTopology {
  exchange: string;
  queue: string;
  /** Binding keys: event types or topic patterns. */
  patterns: readonly string[];
  retryDelaysMs: readonly number[];
  queueType: QueueType;
}

/** `<queue>.retry.<n>`, n counting from 1: where a message waits before its n-th redelivery. */
export function retryQueueName(queue: string, retry: number): string {
  return `${queue}.retry.${retry}`;
}

/** `<queue>.dlq`: where a message lands after its last retry, until an administrator redrives it. */
export function deadLetterQueueName(queue: string): string {
  return `${queue}.dlq`;
}

export async function assertExchange(channel: Channel, exchange: string): Promise<void> {
  await channel.assertExchange(exchange, 'topic', { durable: true });
}

/**
 * Declares a consumer's queues and bindings. Run from the channel's setup so it is re-applied after
 * every reconnect; every declaration is idempotent, and a broker restart cannot leave a queue missing.
 */
export async function assertQueueTopology(channel: Channel, topology: QueueTopology): Promise<void> {
  const { exchange, queue, queueType } = topology;
  const deadLetters = deadLetterQueueName(queue);
  await assertExchange(channel, exchange);

  // The DLQ is always classic: it is read with get + requeue, and quorum queues (RabbitMQ 4 by default)
  // count each requeue toward a delivery limit that would eventually drop the messages being inspected.
  await channel.assertQueue(deadLetters, { durable: true, arguments: { 'x-queue-type': 'classic' } });

  await channel.assertQueue(queue, {
    durable: true,
    arguments: {
      'x-queue-type': queueType,
      // The consumer itself moves failures to the retry queues. This only catches what the broker
      // discards on its own (a quorum queue's delivery limit after repeated consumer crashes), which
      // would otherwise vanish instead of reaching the DLQ.
      'x-dead-letter-exchange': '',
      'x-dead-letter-routing-key': deadLetters,
    },
  });

  for (const [index, delay] of topology.retryDelaysMs.entries()) {
    await channel.assertQueue(retryQueueName(queue, index + 1), {
      durable: true,
      arguments: {
        'x-queue-type': queueType,
        // Nobody consumes a retry queue: a message waits out the TTL, then the broker dead-letters it
        // through the default exchange straight back to the main queue (not the topic exchange, which
        // would deliver it again to every other subscribed service).
        'x-message-ttl': delay,
        'x-dead-letter-exchange': '',
        'x-dead-letter-routing-key': queue,
      },
    });
  }

  for (const pattern of topology.patterns) {
    await channel.bindQueue(queue, exchange, pattern);
  }
}
