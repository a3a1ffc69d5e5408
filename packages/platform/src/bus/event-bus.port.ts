import type { Envelope, EventType } from '@msp/events';

/** What a handler does with a message. Throwing means "not done": the bus retries, then dead-letters. */
export type EventHandler = (event: Envelope) => Promise<void>;

export interface Subscription {
  /** The consuming service's durable queue, e.g. `comms`. Replicas share it as competing consumers. */
  queue: string;
  /** Event types routed to this queue (exact names or topic patterns such as `auth.#`). */
  events: Array<EventType | `${string}.#` | `${string}.*`>;
  handler: EventHandler;
  /** Messages in flight per consumer. */
  prefetch?: number;
}

/** A message that failed every retry, as the bus holds it for an administrator. */
export interface DeadLetter {
  /** The message's event id (unique within its queue, not across queues). */
  id: string;
  queue: string;
  event: unknown;
  reason: string;
  attempts: number;
  deadLetteredAt: string;
}

/**
 * The event bus port: RabbitMQ in distributed mode, in-process in embedded mode. Delivery is
 * at-least-once; consumers make it effectively-once with the inbox.
 */
export interface EventBus {
  /** Resolves only when the broker has taken responsibility for the event (publisher confirm). */
  publish(event: Envelope): Promise<void>;
  /** Starts consuming; a handler's message is acknowledged only after the handler resolved. */
  subscribe(subscription: Subscription): Promise<void>;
  /** Stops consuming new messages and waits for handlers in flight. */
  stopConsuming(): Promise<void>;
  ping(): Promise<void>;
  close(): Promise<void>;
  /** Up to `limit` dead letters of one queue, oldest first, left in place. */
  listDeadLetters(queue: string, limit: number): Promise<DeadLetter[]>;
  /**
   * Moves the dead letter with event id `id` back to `queue` (that queue only) with a fresh retry
   * budget; false when the queue holds no such dead letter.
   */
  redriveDeadLetter(queue: string, id: string): Promise<boolean>;
}

/** Retry policy shared by both adapters: delays before each redelivery, then the dead-letter queue. */
export const DEFAULT_RETRY_DELAYS_MS = [1_000, 5_000, 30_000] as const;
