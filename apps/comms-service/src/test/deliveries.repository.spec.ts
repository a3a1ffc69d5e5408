import { randomUUID } from 'node:crypto';
import type { KeysetPosition } from '@msp/platform';
import { migratedPglite, type TestDatabase } from '@msp/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationsFolder } from '../db/migrations-folder.js';
import { DeliveriesRepository, type NewDelivery } from '../deliveries/deliveries.repository.js';

const LEASE_MS = 60_000;

/**
 * DeliveriesRepository's cases, run here on PGlite (no servers) and by `deliveries.repository.int-spec.ts`
 * on PostgreSQL, where concurrent claims really run on separate connections.
 */
export function deliveriesRepositoryCases(open: () => Promise<TestDatabase>): void {
  let database: TestDatabase;
  let deliveries: DeliveriesRepository;

  beforeAll(async () => {
    database = await open();
    deliveries = new DeliveriesRepository(database.db);
  });
  afterAll(() => database?.close());

  const newDelivery = (): NewDelivery => {
    const id = randomUUID();
    return {
      id,
      eventId: randomUUID(),
      toAddress: `to-${id}@example.test`,
      template: 'verify-email.v1',
      locale: 'en',
      subject: 'Confirm your email address',
      textBody: 'text',
      htmlBody: '<p>html</p>',
    };
  };

  /** Queues `count` deliveries due now; other tests' deliveries may be due too, so tests look at their own ids. */
  async function queue(count: number): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const delivery = newDelivery();
      await deliveries.insert(delivery);
      ids.push(delivery.id);
    }
    return ids;
  }

  const claimedIds = async (limit = 500) => (await deliveries.claimDue(limit, LEASE_MS)).map((row) => row.id);
  const ours = (ids: string[], claimed: string[]) => claimed.filter((id) => ids.includes(id));

  describe('claimDue', () => {
    it('hands each due delivery to only one of several concurrent claimers', async () => {
      const ids = await queue(30);

      const claims = await Promise.all([claimedIds(), claimedIds(), claimedIds()]);

      const all = claims.flat();
      expect(new Set(all).size).toBe(all.length);
      expect(ours(ids, all).sort()).toEqual([...ids].sort());
    });

    it('hands each delivery out once when concurrent claimers take small batches', async () => {
      const ids = await queue(12);

      const claims = await Promise.all(Array.from({ length: 4 }, () => claimedIds(3)));

      const all = claims.flat();
      expect(new Set(all).size).toBe(all.length);
      expect(claims.every((claim) => claim.length <= 3)).toBe(true);
      expect(ours(ids, all).length).toBeGreaterThan(0);
    });

    it('returns the whole row of what it claimed, leased for the given time', async () => {
      const [id] = await queue(1);
      const before = Date.now();

      const row = (await deliveries.claimDue(500, LEASE_MS)).find((claimed) => claimed.id === id);

      expect(row).toMatchObject({
        id,
        status: 'queued',
        attempts: 0,
        toAddress: `to-${id}@example.test`,
        subject: 'Confirm your email address',
      });
      expect(row!.claimedUntil!.getTime()).toBeGreaterThan(before);
    });

    it('does not hand out a leased delivery again until its lease has run out', async () => {
      const [id] = await queue(1);
      expect(ours([id!], await claimedIds())).toEqual([id]);

      expect(ours([id!], await claimedIds())).toEqual([]);

      await database.db.execute(sql`update comms.email_deliveries set claimed_until = now() - interval '1 second' where id = ${id}`);
      expect(ours([id!], await claimedIds())).toEqual([id]);
    });

    it('leaves out sent and failed deliveries and those deferred to a later attempt', async () => {
      const [sent, failed, deferred, due] = await queue(4);
      await deliveries.markSent(sent!, 1);
      await deliveries.markFailed(failed!, 1, '550 mailbox unavailable');
      await deliveries.markRetry(deferred!, 1, '451 try later', new Date(Date.now() + 3_600_000));

      expect(ours([sent!, failed!, deferred!, due!], await claimedIds())).toEqual([due]);
    });

    it('hands a deferred delivery out again once it is due, with its attempts and error', async () => {
      const [id] = await queue(1);
      await claimedIds();
      await deliveries.markRetry(id!, 1, '451 try later', new Date(Date.now() - 1));

      const row = (await deliveries.claimDue(500, LEASE_MS)).find((claimed) => claimed.id === id);

      expect(row).toMatchObject({ attempts: 1, lastError: '451 try later', status: 'queued' });
    });
  });

  describe('insert', () => {
    // The column's own comment promises at most one email per event and template; the inbox gives that
    // to the consumer, and the schema should hold it for every writer (CONVENTIONS: invariants in SQL).
    it('refuses, in the schema, a second delivery of the same template for the same event', async () => {
      const first = newDelivery();
      await deliveries.insert(first);

      await expect(deliveries.insert({ ...newDelivery(), eventId: first.eventId })).rejects.toThrow();
    });
  });

  describe('list', () => {
    /** Walks the log from the newest entry, as the service's cursor does, until it has seen `ids`. */
    async function walk(ids: string[], limit: number) {
      const seen: string[] = [];
      let after: KeysetPosition | undefined;
      for (let guard = 0; guard < 50; guard++) {
        const page = await deliveries.list(limit, after);
        if (page.length === 0) break;
        seen.push(...page.map((row) => row.id));
        if (ours(ids, seen).length === ids.length) break;
        const last = page.at(-1)!;
        after = { at: last.createdAt.toISOString(), id: last.id };
      }
      return ours(ids, seen);
    }

    // PostgreSQL keeps microseconds; the cursor keeps what a JS Date keeps, milliseconds. Deliveries
    // queued within one millisecond (a burst of events) must still all appear in the log.
    it('pages through deliveries created within the same millisecond without skipping any', async () => {
      const ids = await queue(3);
      const micros = ['2099-01-01T00:00:00.000300Z', '2099-01-01T00:00:00.000200Z', '2099-01-01T00:00:00.000100Z'];
      for (const [i, id] of ids.entries()) {
        await database.db.execute(sql`update comms.email_deliveries set created_at = ${micros[i]}::timestamptz where id = ${id}`);
      }

      // Same millisecond: the id breaks the tie, so every row appears exactly once, in id order.
      expect(await walk(ids, 1)).toEqual([...ids].sort().reverse());
    });
  });
}

describe('DeliveriesRepository on PGlite', () => deliveriesRepositoryCases(() => migratedPglite('comms', migrationsFolder)));
