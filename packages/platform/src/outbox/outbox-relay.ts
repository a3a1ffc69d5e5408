import { parseEnvelope, type Envelope } from '@msp/events';
import { SpanKind } from '@opentelemetry/api';
import { sql } from 'drizzle-orm';
import type { EventBus } from '../bus/event-bus.port.js';
import { queryRows, type Db } from '../db/database.js';
import type { OutboxTable } from '../db/transactional-tables.js';
import { PollingLoop } from '../lifecycle/polling-loop.js';
import type { Logger } from '../logging/logger.js';
import { platformMetrics, secondsSince, watchOutboxBacklog, type OutboxBacklog } from '../telemetry/metrics.js';
import { inSpan } from '../telemetry/spans.js';
import { contextFromTraceparent } from '../telemetry/trace-context.js';
import { platformTracer, SERVICE_ATTRIBUTE } from '../telemetry/tracing.js';
import type { OutboxListener } from './unit-of-work.js';

export interface OutboxRelayOptions {
  pollIntervalMs?: number;
  batchSize?: number;
  /** How long a replica owns the rows it claimed before another may take them over. */
  claimMs?: number;
  maxBackoffMs?: number;
  /** The publishing service, on the relay's spans and metric series. */
  service?: string;
}

const tracer = platformTracer('msp.outbox');

interface ClaimedRow {
  seq: number;
  envelope: unknown;
  attempts: number;
}

/**
 * Publishes committed outbox rows to the bus, in commit order, marking each published only after
 * the broker confirmed it. Failures are retried forever with growing backoff. Replicas share the
 * table safely: each claims a batch with a time-limited lease (SKIP LOCKED), so a replica that
 * dies mid-batch releases its rows when the lease runs out.
 */
export class OutboxRelay implements OutboxListener {
  private readonly pollIntervalMs: number;
  private readonly batchSize: number;
  private readonly claimMs: number;
  private readonly maxBackoffMs: number;
  private readonly loop: PollingLoop;
  private readonly service: string;
  private unwatchBacklog: (() => void) | undefined;

  constructor(
    private readonly db: Db,
    private readonly table: OutboxTable,
    private readonly bus: EventBus,
    private readonly logger: Logger,
    options: OutboxRelayOptions = {},
  ) {
    this.pollIntervalMs = options.pollIntervalMs ?? 500;
    this.batchSize = options.batchSize ?? 100;
    this.claimMs = options.claimMs ?? 30_000;
    this.maxBackoffMs = options.maxBackoffMs ?? 30_000;
    this.service = options.service ?? 'unnamed';
    // A full batch means more may be waiting: the loop goes again at once instead of sleeping.
    this.loop = new PollingLoop('outbox relay', async () => (await this.publishPending()) === this.batchSize, this.pollIntervalMs, logger);
  }

  start(): void {
    this.unwatchBacklog ??= watchOutboxBacklog(this.service, () => this.backlog());
    this.loop.start();
  }

  onCommitted(): void {
    this.loop.poke();
  }

  /** Stops polling after one last pass, so events committed before shutdown still go out. */
  async stop(): Promise<void> {
    this.unwatchBacklog?.();
    this.unwatchBacklog = undefined;
    await this.loop.stop();
    await this.publishPending().catch((error: unknown) => this.logger.warn({ err: error }, 'final outbox flush failed'));
  }

  /** Rows not yet published: the relay's lag, for health and metrics. */
  async pendingCount(): Promise<number> {
    const rows = await queryRows<{ count: number }>(
      this.db,
      sql`select count(*)::int as count from ${this.table} where ${this.table.publishedAt} is null`,
    );
    return Number(rows[0]?.count ?? 0);
  }

  /** Unpublished rows and the age of the oldest: the relay's lag, read at each metrics scrape. */
  async backlog(): Promise<OutboxBacklog> {
    const rows = await queryRows<{ pending: number; oldest: number | string | null }>(
      this.db,
      sql`select count(*)::int as pending, extract(epoch from now() - min(${this.table.createdAt}))::float8 as oldest
          from ${this.table} where ${this.table.publishedAt} is null`,
    );
    const row = rows[0];
    return { pending: Number(row?.pending ?? 0), oldestAgeSeconds: Math.max(0, Number(row?.oldest ?? 0)) };
  }

  /**
   * Publishes one event as a PRODUCER span in the trace that recorded it (its envelope's
   * traceparent): the bus carries this span's context to the consumers.
   */
  private async publishOne(envelope: Envelope): Promise<void> {
    await inSpan(
      tracer,
      {
        name: `publish ${envelope.type}`,
        kind: SpanKind.PRODUCER,
        parent: contextFromTraceparent(envelope.traceparent),
        attributes: {
          [SERVICE_ATTRIBUTE]: this.service,
          'messaging.operation.type': 'send',
          'messaging.destination.name': envelope.type,
          'messaging.message.id': envelope.id,
        },
      },
      () => this.bus.publish(envelope),
    );
    const metrics = platformMetrics();
    metrics.outboxPublished.inc({ service: this.service });
    const lag = secondsSince(envelope.time);
    if (lag !== undefined) metrics.outboxPublishLag.observe({ service: this.service }, lag);
  }

  /** One pass: claim a batch and publish it in order. Returns how many were published. */
  async publishPending(): Promise<number> {
    const rows = await this.claimBatch();
    let published = 0;
    for (const row of rows) {
      try {
        await this.publishOne(parseEnvelope(row.envelope));
        await this.db
          .update(this.table)
          .set({ publishedAt: new Date(), claimedUntil: null, lastError: null })
          .where(sql`${this.table.seq} = ${row.seq}`);
        published++;
      } catch (error) {
        platformMetrics().outboxPublishFailures.inc({ service: this.service });
        await this.deferFrom(rows.slice(published), error);
        break; // keep commit order: later rows wait for this one
      }
    }
    return published;
  }

  private async claimBatch(): Promise<ClaimedRow[]> {
    const t = this.table;
    const rows = await queryRows<ClaimedRow>(
      this.db,
      sql`
      update ${t} set claimed_until = now() + ${`${this.claimMs} milliseconds`}::interval, attempts = attempts + 1
      where ${t.seq} in (
        select ${t.seq} from ${t}
        where ${t.publishedAt} is null and (${t.claimedUntil} is null or ${t.claimedUntil} < now())
        order by ${t.seq} limit ${this.batchSize}
        for update skip locked)
      returning seq, envelope, attempts`,
    );
    return rows.map((row) => ({ ...row, seq: Number(row.seq) })).sort((a, b) => a.seq - b.seq);
  }

  private async deferFrom(rows: ClaimedRow[], error: unknown): Promise<void> {
    const first = rows[0];
    if (!first) return;
    const backoffMs = Math.min(this.maxBackoffMs, 100 * 2 ** Math.min(first.attempts, 16));
    const message = error instanceof Error ? error.message : String(error);
    this.logger.warn({ err: error, seq: first.seq, attempts: first.attempts, backoffMs }, 'outbox publish failed; will retry');
    const t = this.table;
    await this.db.execute(sql`
      update ${t} set claimed_until = now() + ${`${backoffMs} milliseconds`}::interval,
        last_error = case when ${t.seq} = ${first.seq} then ${message.slice(0, 500)} else last_error end
      where ${t.seq} >= ${first.seq} and ${t.publishedAt} is null`);
  }
}
