import { createEnvelope, type EventData, type EventType, type Envelope } from '@msp/events';
import type { Db } from '../db/database.js';
import type { OutboxTable } from '../db/transactional-tables.js';
import { currentTraceparent } from '../telemetry/trace-context.js';

export interface PendingEvent<T extends EventType> {
  type: T;
  data: EventData<T>;
  /** What the event is about (an id), the CloudEvents `subject`. */
  subject?: string;
}

/** Events recorded inside a transaction; they are published only if it commits. */
export interface EventRecorder {
  add<T extends EventType>(event: PendingEvent<T>): Promise<Envelope<T>>;
}

export interface OutboxListener {
  /** Called after a transaction that recorded events has committed. */
  onCommitted(): void;
}

/**
 * Runs a change and the events describing it in one transaction: the only way a service emits
 * events. Nothing is published outside a committed transaction, and nothing committed is left
 * unpublished, because the relay publishes from the same table the transaction wrote.
 */
export class UnitOfWork {
  private listener: OutboxListener | undefined;

  constructor(
    private readonly db: Db,
    private readonly outbox: OutboxTable,
    private readonly source: string,
  ) {}

  /** The relay registers here so it can publish right after a commit instead of at its next poll. */
  setListener(listener: OutboxListener): void {
    this.listener = listener;
  }

  /**
   * Runs `work` in a transaction. Every query inside must go through `tx`: on the embedded
   * single-connection database a query on the outer handle would wait for this transaction forever.
   */
  async run<R>(work: (tx: Db, events: EventRecorder) => Promise<R>): Promise<R> {
    let recorded = 0;
    const result = await this.db.transaction(async (tx) => {
      const events: EventRecorder = {
        add: async (event) => {
          // The trace of the work that caused the event rides in the envelope, through the commit and
          // the relay (which runs later, outside any request), to the consumers.
          const traceparent = currentTraceparent();
          const envelope = createEnvelope({ ...event, source: this.source, ...(traceparent ? { traceparent } : {}) });
          await tx.insert(this.outbox).values({ id: envelope.id, type: envelope.type, envelope });
          recorded++;
          return envelope;
        },
      };
      return work(tx as unknown as Db, events);
    });
    if (recorded > 0) this.listener?.onCommitted();
    return result;
  }
}
