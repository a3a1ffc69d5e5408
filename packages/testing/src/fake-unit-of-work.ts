import { randomUUID } from 'node:crypto';
import type { Db, EventRecorder, UnitOfWork } from '@msp/platform';

export type RecordedEvent = Parameters<EventRecorder['add']>[0];

/**
 * Stands in for the platform's UnitOfWork in unit tests. The work receives `tx`, a marker handle, so
 * a test can tell that a repository was called inside the unit of work; events are kept only for runs
 * that complete, as a rolled-back transaction keeps none.
 */
export class FakeUnitOfWork {
  readonly tx = { fakeTransaction: randomUUID() } as unknown as Db;
  readonly committed: RecordedEvent[] = [];
  private depth = 0;

  /** True while work is running: fakes can record whether they were called inside a unit of work. */
  get inside(): boolean {
    return this.depth > 0;
  }

  asUnitOfWork(): UnitOfWork {
    return this as unknown as UnitOfWork;
  }

  async run<R>(work: (tx: Db, events: EventRecorder) => Promise<R>): Promise<R> {
    const pending: RecordedEvent[] = [];
    const events: EventRecorder = {
      add: async (event) => {
        if (this.depth === 0) throw new Error('event recorded after its unit of work ended');
        pending.push(event);
        return {
          specversion: '1.0',
          id: randomUUID(),
          source: 'fake-unit-of-work',
          type: event.type,
          time: new Date().toISOString(),
          subject: event.subject,
          datacontenttype: 'application/json',
          data: event.data,
        };
      },
    };
    this.depth++;
    try {
      const result = await work(this.tx, events);
      this.committed.push(...pending);
      return result;
    } finally {
      this.depth--;
    }
  }
}
