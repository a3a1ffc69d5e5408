import type { DeadLetter, EventBus } from '../bus/event-bus.port.js';
import type { Caller } from '../logging/request-context.js';
import { pageSize } from '../pagination/cursor.js';
import { DeadLetterError } from './dead-letter.errors.js';

/** A dead letter with the id the admin API knows it by: `<queue>:<event id>`. */
export interface QueuedDeadLetter extends DeadLetter {
  /** Unique across queues, since one event can fail in two of them. */
  adminId: string;
}

/**
 * The administrators' view of the dead letters of the queues one service consumes: list them and
 * hand one back to its queue. Platform administrators only; the caller is the one the gateway verified.
 */
export class DeadLetterAdmin {
  constructor(
    private readonly bus: EventBus,
    private readonly queues: readonly string[],
  ) {}

  /** Up to `limit` dead letters of this service's queues, oldest first, none removed. */
  async list(caller: Caller | undefined, limit: number): Promise<QueuedDeadLetter[]> {
    requireAdmin(caller);
    const size = pageSize(limit);
    const perQueue = await Promise.all(this.queues.map((queue) => this.bus.listDeadLetters(queue, size)));
    return (
      perQueue
        .flat()
        // ISO timestamps in UTC sort as text; an unknown time ('') comes first, as the oldest.
        .sort((a, b) => (a.deadLetteredAt < b.deadLetteredAt ? -1 : a.deadLetteredAt > b.deadLetteredAt ? 1 : 0))
        .slice(0, size)
        .map((letter) => ({ ...letter, adminId: adminIdOf(letter.queue, letter.id) }))
    );
  }

  /** Redrives the dead letter `<queue>:<event id>`; one of another service's queues is as unknown as a missing one. */
  async redrive(caller: Caller | undefined, adminId: string): Promise<void> {
    requireAdmin(caller);
    const parsed = parseAdminId(adminId);
    const found =
      parsed !== undefined && this.queues.includes(parsed.queue) && (await this.bus.redriveDeadLetter(parsed.queue, parsed.eventId));
    if (!found) throw new DeadLetterError('DEAD_LETTER_NOT_FOUND', 'There is no such dead letter.');
  }
}

export function adminIdOf(queue: string, eventId: string): string {
  return `${queue}:${eventId}`;
}

/** Queue names never contain `:`, so the first one separates the queue from the event id. */
export function parseAdminId(adminId: string): { queue: string; eventId: string } | undefined {
  const separator = adminId.indexOf(':');
  if (separator < 1 || separator === adminId.length - 1) return undefined;
  return { queue: adminId.slice(0, separator), eventId: adminId.slice(separator + 1) };
}

function requireAdmin(caller: Caller | undefined): void {
  if (!caller) throw new DeadLetterError('UNAUTHENTICATED', 'Sign in first.');
  if (!caller.roles.includes('admin')) throw new DeadLetterError('FORBIDDEN', 'Only administrators can manage dead letters.');
}
