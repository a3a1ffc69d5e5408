import type { Db } from '../db/database.js';
import type { InboxTable } from '../db/transactional-tables.js';
import type { EventRecorder, UnitOfWork } from './unit-of-work.js';

/**
 * Makes a consumer idempotent: the event id is recorded in the same transaction as the consumer's
 * effect, so a redelivered, duplicated or replayed event finds its id and does nothing.
 */
export class Inbox {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly table: InboxTable,
    private readonly consumer: string,
  ) {}

  /** Applies `effect` once per event id; resolves false when the event had been applied before. */
  async processOnce(eventId: string, effect: (tx: Db, events: EventRecorder) => Promise<void>): Promise<boolean> {
    return this.unitOfWork.run(async (tx, events) => {
      const inserted = await tx
        .insert(this.table)
        .values({ eventId, consumer: this.consumer })
        .onConflictDoNothing()
        .returning({ eventId: this.table.eventId });
      if (inserted.length === 0) return false;
      await effect(tx, events);
      return true;
    });
  }
}
