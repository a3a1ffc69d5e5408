import { PGlite } from '@electric-sql/pglite';
import type { Envelope } from '@msp/events';
import { drizzle } from 'drizzle-orm/pglite';
import { pgSchema } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { EventBus } from '../bus/event-bus.port.js';
import type { Db } from '../db/database.js';
import { inboxTable, outboxTable } from '../db/transactional-tables.js';
import { createLogger } from '../logging/logger.js';
import { Inbox } from './inbox.js';
import { OutboxRelay } from './outbox-relay.js';
import { UnitOfWork } from './unit-of-work.js';

const schema = pgSchema('t');
const outbox = outboxTable(schema);
const inbox = inboxTable(schema);
const logger = createLogger('test', 'silent');

// The same columns drizzle-kit generates for the services' migrations from transactional-tables.ts.
const DDL = `
  create schema t;
  create table t.outbox (seq bigserial primary key, id uuid not null unique, type text not null, envelope jsonb not null,
    created_at timestamptz not null default now(), published_at timestamptz, claimed_until timestamptz,
    attempts integer not null default 0, last_error text);
  create table t.inbox (event_id uuid not null, consumer text not null, processed_at timestamptz not null default now(),
    primary key (event_id, consumer));`;

class RecordingBus implements EventBus {
  published: Envelope[] = [];
  failuresLeft = 0;
  async publish(event: Envelope) {
    if (this.failuresLeft > 0) {
      this.failuresLeft--;
      throw new Error('broker unavailable');
    }
    this.published.push(event);
  }
  async subscribe() {}
  async stopConsuming() {}
  async ping() {}
  async close() {}
  async listDeadLetters() {
    return [];
  }
  async redriveDeadLetter() {
    return false;
  }
}

const registered = (n: number) => ({
  type: 'auth.user.registered.v1' as const,
  subject: `user-${n}`,
  data: { userId: crypto.randomUUID(), email: `u${n}@example.test`, displayName: `User ${n}`, locale: 'en' },
});

describe('unit of work, outbox relay and inbox (PGlite)', () => {
  let client: PGlite;
  let db: Db;
  let bus: RecordingBus;
  let unitOfWork: UnitOfWork;
  let relay: OutboxRelay;

  beforeAll(async () => {
    client = new PGlite();
    await client.exec(DDL);
    db = drizzle({ client }) as unknown as Db;
  });
  afterAll(() => client.close());
  beforeEach(async () => {
    await client.exec('truncate t.outbox, t.inbox');
    bus = new RecordingBus();
    unitOfWork = new UnitOfWork(db, outbox, 'test');
    relay = new OutboxRelay(db, outbox, bus, logger, { pollIntervalMs: 20, maxBackoffMs: 10 });
    unitOfWork.setListener(relay);
  });

  it('records events only when the transaction commits', async () => {
    await unitOfWork.run(async (_tx, events) => {
      await events.add(registered(1));
    });
    await expect(
      unitOfWork.run(async (_tx, events) => {
        await events.add(registered(2));
        throw new Error('business rule broken');
      }),
    ).rejects.toThrow('business rule broken');
    expect(await relay.publishPending()).toBe(1);
    expect(bus.published.map((e) => e.subject)).toEqual(['user-1']);
    expect(await relay.pendingCount()).toBe(0);
  });

  it('publishes in commit order and retries after the broker failed, without skipping', async () => {
    for (const n of [1, 2, 3]) await unitOfWork.run(async (_tx, events) => void (await events.add(registered(n))));
    bus.failuresLeft = 2;
    relay.start();
    await expect.poll(() => bus.published.length, { timeout: 5_000 }).toBe(3);
    await relay.stop();
    expect(bus.published.map((e) => e.subject)).toEqual(['user-1', 'user-2', 'user-3']);
    expect(await relay.pendingCount()).toBe(0);
  });

  it('publishes right after a commit when running, without waiting for the next poll', async () => {
    const slowRelay = new OutboxRelay(db, outbox, bus, logger, { pollIntervalMs: 60_000 });
    unitOfWork.setListener(slowRelay);
    slowRelay.start();
    await new Promise((resolve) => setTimeout(resolve, 50));
    await unitOfWork.run(async (_tx, events) => void (await events.add(registered(7))));
    await expect.poll(() => bus.published.length, { timeout: 2_000 }).toBe(1);
    await slowRelay.stop();
  });

  it('applies an event once however often it is delivered', async () => {
    const consumer = new Inbox(unitOfWork, inbox, 'comms');
    let effects = 0;
    const apply = () => consumer.processOnce('5b0c8c47-3f7e-4a4e-9d53-1b2f7e0c9a11', async () => void effects++);
    expect(await apply()).toBe(true);
    expect(await apply()).toBe(false);
    expect(await Promise.all([apply(), apply()])).toEqual([false, false]);
    expect(effects).toBe(1);
  });

  it('does not record the event as processed when the effect fails', async () => {
    const consumer = new Inbox(unitOfWork, inbox, 'comms');
    const id = '0d8a3f0e-8a51-4c55-9a53-44c3c8f6f0a2';
    await expect(consumer.processOnce(id, async () => Promise.reject(new Error('smtp down')))).rejects.toThrow('smtp down');
    expect(await consumer.processOnce(id, async () => {})).toBe(true);
  });
});
