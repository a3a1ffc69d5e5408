import { connect as amqpConnect, type ChannelModel } from 'amqplib';
import pg from 'pg';

/**
 * Looks at the event pipeline from outside, the way an operator would: queue depths on the broker,
 * unpublished outbox rows in a service's database, and raw publishes onto the exchange (for poison
 * messages no producer of the platform would ever emit).
 */

/** The queues a consumer owns on the bus: its main queue, `<queue>.retry.<n>` and `<queue>.dlq`. */
export function consumerQueues(queue: string, retries: number): string[] {
  return [queue, ...Array.from({ length: retries }, (_, index) => `${queue}.retry.${index + 1}`), `${queue}.dlq`];
}

/**
 * Messages in each queue (ready ones: an idle consumer holds none unacknowledged), by amqplib's
 * `checkQueue`. A queue that does not exist counts as -1, so a typo cannot pass for "drained".
 */
export async function queueDepths(amqpUrl: string, queues: readonly string[]): Promise<Record<string, number>> {
  const connection = await openQuietly(amqpUrl);
  try {
    const depths: Record<string, number> = {};
    for (const queue of queues) {
      // A missing queue closes the channel it was checked on: one channel per check.
      const channel = await connection.createChannel();
      channel.on('error', () => undefined);
      try {
        depths[queue] = (await channel.checkQueue(queue)).messageCount;
        await channel.close();
      } catch {
        depths[queue] = -1;
      }
    }
    return depths;
  } finally {
    await connection.close().catch(() => undefined);
  }
}

/** How many consumers a queue has right now: replicas of one service compete on its one queue. */
export async function queueConsumerCount(amqpUrl: string, queue: string): Promise<number> {
  const connection = await openQuietly(amqpUrl);
  try {
    const channel = await connection.createChannel();
    channel.on('error', () => undefined);
    return (await channel.checkQueue(queue)).consumerCount;
  } finally {
    await connection.close().catch(() => undefined);
  }
}

export interface RawPublish {
  exchange: string;
  routingKey: string;
  body: unknown;
  messageId?: string;
  type?: string;
}

/** Publishes a message as any AMQP client could, with a publisher confirm. */
export async function publishRaw(amqpUrl: string, message: RawPublish): Promise<void> {
  const connection = await openQuietly(amqpUrl);
  try {
    const channel = await connection.createConfirmChannel();
    const content = Buffer.from(typeof message.body === 'string' ? message.body : JSON.stringify(message.body));
    channel.publish(message.exchange, message.routingKey, content, {
      persistent: true,
      contentType: 'application/json',
      ...(message.messageId === undefined ? {} : { messageId: message.messageId }),
      ...(message.type === undefined ? {} : { type: message.type }),
    });
    await channel.waitForConfirms();
    await channel.close();
  } finally {
    await connection.close().catch(() => undefined);
  }
}

/** Outbox rows of `schema` (a service's own) that the relay has not published yet. */
export async function unpublishedOutboxRows(databaseUrl: string, schema: string): Promise<number> {
  return countRows(databaseUrl, `select count(*)::int as count from "${schema.replaceAll('"', '""')}".outbox where published_at is null`);
}

/** One `count(*)::int as count` query on a database of the test's own. */
export async function countRows(databaseUrl: string, query: string, values: unknown[] = []): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const result = await client.query<{ count: number }>(query, values);
    return Number(result.rows[0]?.count ?? 0);
  } finally {
    await client.end();
  }
}

async function openQuietly(amqpUrl: string): Promise<ChannelModel> {
  const connection = await amqpConnect(amqpUrl);
  // amqplib throws from its frame parser when an 'error' event has no listener.
  connection.on('error', () => undefined);
  return connection;
}
