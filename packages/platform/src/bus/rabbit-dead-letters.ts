import type { ConfirmChannel, GetMessage } from 'amqplib';
import type { DeadLetter } from './event-bus.port.js';
import {
  ATTEMPTS_HEADER,
  DEAD_LETTERED_AT_HEADER,
  DEAD_LETTER_REASON_HEADER,
  copyProperties,
  headerString,
  publishConfirmed,
  redrivenHeaders,
} from './rabbit-message.js';
import { deadLetterQueueName } from './rabbit-topology.js';

/**
 * Reads up to `limit` messages from `<queue>.dlq` without removing them. Every message read is held
 * unacknowledged until the end, so `get` never returns the same one twice, and then all are requeued.
 */
export async function listDeadLetters(channel: ConfirmChannel, queue: string, limit: number): Promise<DeadLetter[]> {
  const held: GetMessage[] = [];
  try {
    while (held.length < limit) {
      const message = await channel.get(deadLetterQueueName(queue), { noAck: false });
      if (message === false) break;
      held.push(message);
    }
    return held.map((message) => toDeadLetter(queue, message));
  } finally {
    if (held.length > 0) requeueAll(channel);
  }
}

/**
 * Moves the message with `messageId` from `<queue>.dlq` back to `<queue>` (that queue only: the other
 * services already handled the event) with a fresh retry budget. The copy is confirmed before the
 * dead letter is acknowledged, so a failure midway leaves the message in the DLQ, never nowhere.
 * Returns false when the DLQ holds no such message.
 */
export async function redriveDeadLetter(
  channel: ConfirmChannel,
  queue: string,
  messageId: string,
  confirmTimeoutMs: number,
): Promise<boolean> {
  const deadLetters = deadLetterQueueName(queue);
  // Bounded by the current depth, so the scan ends even while new dead letters keep arriving.
  const { messageCount } = await channel.checkQueue(deadLetters);
  try {
    for (let scanned = 0; scanned < messageCount; scanned++) {
      const message = await channel.get(deadLetters, { noAck: false });
      if (message === false) return false;
      if (message.properties.messageId !== messageId) continue;
      const options = { ...copyProperties(message), headers: redrivenHeaders(message) };
      await publishConfirmed(channel, '', queue, message.content, options, confirmTimeoutMs);
      channel.ack(message);
      return true;
    }
    return false;
  } finally {
    // Returns every other message read during the scan to the DLQ.
    requeueAll(channel);
  }
}

function requeueAll(channel: ConfirmChannel): void {
  try {
    channel.nackAll(true);
  } catch {
    // The channel is already closed, and closing it returned the held messages to their queue anyway.
  }
}

function toDeadLetter(queue: string, message: GetMessage): DeadLetter {
  return {
    id: (message.properties.messageId as string | undefined) ?? '',
    queue,
    event: parseContent(message.content),
    // A message the broker dead-lettered by itself (a quorum queue's delivery limit) has only its
    // own `x-first-death-reason`, not the headers this bus writes.
    reason: headerString(message, DEAD_LETTER_REASON_HEADER) ?? headerString(message, 'x-first-death-reason') ?? 'unknown',
    attempts: Number(message.properties.headers?.[ATTEMPTS_HEADER] ?? 0) || 0,
    deadLetteredAt: headerString(message, DEAD_LETTERED_AT_HEADER) ?? '',
  };
}

/** The event as JSON when it is JSON; a poison message is shown as the text it is. */
function parseContent(content: Buffer): unknown {
  const text = content.toString('utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
