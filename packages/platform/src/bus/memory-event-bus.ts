import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseEnvelope, type Envelope } from '@msp/events';
import type { Logger } from '../logging/logger.js';
import { currentTraceparent } from '../telemetry/trace-context.js';
import { DEFAULT_RETRY_DELAYS_MS, type DeadLetter, type EventHandler, type EventBus, type Subscription } from './event-bus.port.js';
import { failureReason } from './failure-reason.js';
import { countDelivery, handleObserved } from './observed-handler.js';
import { topicMatches } from './topic-pattern.js';

export interface MemoryEventBusOptions {
  /** Delay before each redelivery of a failed message; after the last one it is dead-lettered. */
  retryDelaysMs?: readonly number[];
  logger?: Logger;
}

interface Queue {
  patterns: string[];
  handlers: EventHandler[];
  /** Round-robin cursor: replicas sharing a queue are competing consumers, as on RabbitMQ. */
  next: number;
}

/**
 * The embedded-mode bus: one process, no broker. `publish` resolves only once every matching queue has
 * handled the event (or dead-lettered it), which stands in for the publisher confirm: the outbox relay
 * marks an event published only then, so a crash mid-delivery means a republish that inboxes dedup,
 * never a lost event.
 */
export class MemoryEventBus implements EventBus {
  private readonly retryDelaysMs: readonly number[];
  private readonly logger: Logger | undefined;
  private readonly queues = new Map<string, Queue>();
  private readonly dead: DeadLetter[] = [];
  private readonly handlersInFlight = new Set<Promise<void>>();
  /** Aborted by stopConsuming so deliveries waiting out a retry delay give up at once. */
  private stopping = new AbortController();

  constructor(options: MemoryEventBusOptions = {}) {
    this.retryDelaysMs = options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
    this.logger = options.logger;
  }

  async publish(event: Envelope): Promise<void> {
    const targets = [...this.queues]
      .filter(([, queue]) => queue.patterns.some((pattern) => topicMatches(pattern, event.type)))
      .map(([name]) => name);
    // What a broker's message header would carry: the publisher's span (the relay's), else the envelope's.
    const traceparent = currentTraceparent() ?? event.traceparent;
    await Promise.all(targets.map((queue) => this.deliver(queue, event, traceparent)));
  }

  async subscribe(subscription: Subscription): Promise<void> {
    const queue = this.queues.get(subscription.queue) ?? { patterns: [], handlers: [], next: 0 };
    for (const pattern of subscription.events) {
      if (!queue.patterns.includes(pattern)) queue.patterns.push(pattern);
    }
    queue.handlers.push(subscription.handler);
    this.queues.set(subscription.queue, queue);
  }

  /**
   * Stops the given queues' consumers (all when none are named). A stopped queue stays declared: an
   * event for it makes `publish` reject, so the outbox keeps it for the next start instead of losing it.
   */
  async stopConsuming(queues?: string[]): Promise<void> {
    if (!queues) {
      for (const queue of this.queues.values()) queue.handlers = [];
      this.stopping.abort();
      this.stopping = new AbortController();
    } else {
      for (const name of queues) {
        const queue = this.queues.get(name);
        if (queue) queue.handlers = [];
      }
    }
    await Promise.allSettled([...this.handlersInFlight]);
  }

  /**
   * A view for one service of a bus shared by several (embedded mode): stopping it stops only the
   * queues that service subscribed, and closing it leaves the shared bus to its owner.
   */
  scoped(): EventBus {
    const own = new Set<string>();
    return {
      publish: (event) => this.publish(event),
      subscribe: async (subscription) => {
        own.add(subscription.queue);
        await this.subscribe(subscription);
      },
      stopConsuming: () => this.stopConsuming([...own]),
      ping: () => this.ping(),
      close: () => this.stopConsuming([...own]),
      // Only its own queues' dead letters: every service reports its own, so the admin API, which
      // asks each service and merges, counts each dead letter once.
      listDeadLetters: async (queue, limit) => (own.has(queue) ? this.listDeadLetters(queue, limit) : []),
      redriveDeadLetter: async (queue, id) => own.has(queue) && (await this.redriveDeadLetter(queue, id)),
    };
  }

  async ping(): Promise<void> {}

  async close(): Promise<void> {
    await this.stopConsuming();
  }

  /** Every dead letter, oldest first. */
  deadLetters(): DeadLetter[] {
    return this.dead.map((letter) => ({ ...letter }));
  }

  async listDeadLetters(queue: string, limit: number): Promise<DeadLetter[]> {
    return this.deadLetters()
      .filter((letter) => letter.queue === queue)
      .slice(0, limit);
  }

  /**
   * Hands a dead letter back to its queue with a fresh retry budget. Returns false when there is no such
   * dead letter. Does not wait for the handler: like a broker redrive, the message is only re-queued.
   */
  async redriveDeadLetter(queue: string, id: string): Promise<boolean> {
    const index = this.dead.findIndex((letter) => letter.queue === queue && letter.id === id);
    const letter = this.dead[index];
    if (!letter) return false;
    if (!this.queues.has(queue)) throw new Error(`queue ${queue} has no consumer to redrive to`);
    this.dead.splice(index, 1);
    this.deliver(queue, letter.event).catch((error: unknown) => {
      // Only a stop interrupts a delivery; keep the letter rather than lose it.
      this.dead.push(letter);
      this.logger?.warn({ err: error, queue, eventId: id }, 'redrive interrupted, message kept as dead letter');
    });
    return true;
  }

  private async deliver(queueName: string, event: unknown, traceparent?: string): Promise<void> {
    const { signal } = this.stopping;
    for (let attempt = 0; ; attempt++) {
      const queue = this.queues.get(queueName);
      if (!queue || queue.handlers.length === 0 || signal.aborted) {
        // Rejecting keeps the outbox row unpublished, so the event is delivered after the restart.
        throw new Error(`queue ${queueName} stopped consuming before it handled the event`);
      }
      const handler = queue.handlers[queue.next++ % queue.handlers.length] as EventHandler;
      try {
        await this.track(handler, event, queueName, traceparent);
        return;
      } catch (error) {
        const delay = this.retryDelaysMs[attempt];
        if (delay === undefined) {
          countDelivery(queueName, 'dead_lettered');
          this.deadLetter(queueName, event, error, attempt + 1);
          return;
        }
        countDelivery(queueName, 'retried');
        this.logger?.warn({ err: error, queue: queueName, attempt: attempt + 1 }, 'event handler failed, will retry');
        try {
          await sleep(delay, undefined, { signal });
        } catch {
          throw new Error(`queue ${queueName} stopped consuming while the event waited for a retry`);
        }
      }
    }
  }

  private async track(handler: EventHandler, event: unknown, queue: string, traceparent: string | undefined): Promise<void> {
    // Each delivery gets its own validated copy, as a broker consumer would: a handler that mutates its
    // event cannot affect another queue, and an invalid envelope fails here exactly as it would there.
    const run = (async () => handleObserved(queue, parseEnvelope(JSON.parse(JSON.stringify(event))), traceparent, handler))();
    this.handlersInFlight.add(run);
    try {
      await run;
    } finally {
      this.handlersInFlight.delete(run);
    }
  }

  private deadLetter(queue: string, event: unknown, error: unknown, attempts: number): void {
    const id = eventId(event) ?? randomUUID();
    this.dead.push({ id, queue, event, reason: failureReason(error), attempts, deadLetteredAt: new Date().toISOString() });
    this.logger?.error({ err: error, queue, eventId: id, attempts }, 'event dead-lettered');
  }
}

function eventId(event: unknown): string | undefined {
  if (typeof event !== 'object' || event === null) return undefined;
  const id = (event as { id?: unknown }).id;
  return typeof id === 'string' ? id : undefined;
}
