import type { opsV1 } from '@msp/contracts';
import { z } from 'zod';
import type { EventConsumer } from '../grpc/grpc-clients.module.js';
import { emptyToNull, isoOrNull, pageOf, pageQuery, timestamp, wholeListOf } from '../http/common.dto.js';

/**
 * Each service's durable queue (USER_QUEUE, PROJECT_QUEUE, COMMS_QUEUE in the services) → the service
 * that serves its dead letters. A dead letter's id starts with its queue, which routes a redrive.
 */
const QUEUE_CONSUMERS: Readonly<Record<string, EventConsumer>> = { user: 'user', project: 'project', comms: 'comms' };

/** `<queue>:<event id>`; anything else cannot name a dead letter (404). */
const deadLetterId = z.string().regex(/^[a-z][a-z0-9._-]{0,62}:[A-Za-z0-9._~-]{1,200}$/);

export const deadLetterQuery = z.strictObject({ limit: pageQuery.shape.limit });
export type DeadLetterQuery = z.output<typeof deadLetterQuery>;

export const deadLetterParams = z.strictObject({ id: deadLetterId });
export type DeadLetterParams = z.output<typeof deadLetterParams>;

export const deadLetterResponse = z.object({
  id: z.string().describe('`<queue>:<event id>`, unique across queues'),
  queue: z.string().describe('The consuming service queue the event failed in'),
  eventId: z.string(),
  eventType: z.string().nullable().describe('null when the message is not a readable event'),
  payload: z.unknown().describe('The message as JSON, or its text when it is not JSON'),
  reason: z.string().describe('What the last failed attempt threw'),
  attempts: z.number().int(),
  deadLetteredAt: timestamp.nullable().describe('null when the broker dead-lettered the message by itself'),
});
export type DeadLetterResponse = z.output<typeof deadLetterResponse>;

export const deadLetterList = pageOf(deadLetterResponse);
export type DeadLetterList = z.output<typeof deadLetterList>;

/** The queue's consuming service, or undefined for an id of no known queue. */
export function consumerOfDeadLetter(id: string): EventConsumer | undefined {
  const queue = id.slice(0, id.indexOf(':'));
  return Object.hasOwn(QUEUE_CONSUMERS, queue) ? QUEUE_CONSUMERS[queue] : undefined;
}

/**
 * The oldest `limit` dead letters of all services' answers. Ids are unique across queues, so a queue
 * reported twice (services sharing one process and bus) still counts once.
 */
export function toDeadLetterList(answers: opsV1.ListDeadLettersResponse[], limit: number): DeadLetterList {
  const byId = new Map(answers.flatMap((answer) => answer.items).map((letter) => [letter.id, letter]));
  const oldestFirst = [...byId.values()].sort((a, b) => timeOf(a) - timeOf(b));
  return wholeListOf(oldestFirst.slice(0, limit).map(toDeadLetter));
}

/** A letter without a time sorts first: the broker dead-lettered it by itself, so it is no newer than the rest. */
function timeOf(letter: opsV1.DeadLetter): number {
  return letter.deadLetteredAt?.getTime() ?? Number.NEGATIVE_INFINITY;
}

function toDeadLetter(letter: opsV1.DeadLetter): DeadLetterResponse {
  return {
    id: letter.id,
    queue: letter.queue,
    eventId: letter.eventId,
    eventType: emptyToNull(letter.eventType),
    payload: payloadOf(letter.payloadJson),
    reason: letter.reason,
    attempts: letter.attempts,
    deadLetteredAt: isoOrNull(letter.deadLetteredAt),
  };
}

function payloadOf(payloadJson: string): unknown {
  try {
    return JSON.parse(payloadJson) as unknown;
  } catch {
    return payloadJson;
  }
}
