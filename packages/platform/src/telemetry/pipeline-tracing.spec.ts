import { PGlite } from '@electric-sql/pglite';
import { opsV1 } from '@msp/contracts';
import { context, SpanKind, trace } from '@opentelemetry/api';
import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { drizzle } from 'drizzle-orm/pglite';
import { pgSchema } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryEventBus } from '../bus/memory-event-bus.js';
import type { Db } from '../db/database.js';
import { outboxTable } from '../db/transactional-tables.js';
import { connectService } from '../grpc/grpc-client.js';
import { startGrpcServer } from '../grpc/grpc-server.js';
import { createLogger } from '../logging/logger.js';
import { OutboxRelay } from '../outbox/outbox-relay.js';
import { UnitOfWork } from '../outbox/unit-of-work.js';
import { renderMetrics } from './metrics.js';
import { startTracing, SERVICE_ATTRIBUTE, type Tracing } from './tracing.js';

const logger = createLogger('test', 'silent');
const outbox = outboxTable(pgSchema('t'));

function only(spans: ReadableSpan[], name: string): ReadableSpan {
  const found = spans.filter((span) => span.name === name);
  expect(found, name).toHaveLength(1);
  return found[0]!;
}

function expectChild(child: ReadableSpan, parent: ReadableSpan): void {
  expect(child.spanContext().traceId).toBe(parent.spanContext().traceId);
  expect(child.parentSpanContext?.spanId).toBe(parent.spanContext().spanId);
}

describe('one trace across gRPC, the outbox and the bus', () => {
  const exporter = new InMemorySpanExporter();
  let tracing: Tracing;
  beforeAll(() => {
    tracing = startTracing({ serviceName: 'test', exporter });
  });
  afterAll(() => tracing.shutdown());

  it('continues the caller span in the service (traceparent in gRPC metadata) and counts the call', async () => {
    exporter.reset();
    const server = await startGrpcServer({ host: '127.0.0.1', port: 0, logger, errorMappers: [], service: 'ops' }, (grpc) =>
      grpc.add(opsV1.DeadLetterServiceDefinition, {
        listDeadLetters: async () => ({ items: [] }),
        redriveDeadLetter: async () => ({}),
      }),
    );
    const connection = connectService(opsV1.DeadLetterServiceDefinition, `127.0.0.1:${server.port}`, {
      deadlineMs: 5_000,
      caller: 'gateway',
    });
    try {
      const root = trace.getTracer('test').startSpan('request');
      await context.with(trace.setSpan(context.active(), root), () => connection.client.listDeadLetters({ limit: 1 }));
      root.end();
    } finally {
      connection.close();
      await server.shutdown(1_000);
    }
    const spans = exporter.getFinishedSpans();
    const name = 'msp.ops.v1.DeadLetterService/ListDeadLetters';
    const client = spans.find((span) => span.name === name && span.kind === SpanKind.CLIENT)!;
    const served = spans.find((span) => span.name === name && span.kind === SpanKind.SERVER)!;
    expectChild(client, only(spans, 'request'));
    expectChild(served, client);
    expect(client.attributes[SERVICE_ATTRIBUTE]).toBe('gateway');
    expect(served.attributes[SERVICE_ATTRIBUTE]).toBe('ops');
    expect((await renderMetrics()).body).toContain(`grpc_server_handled_total{service="ops",method="${name}",code="OK"} 1`);
  });

  it('carries the recording span through the commit, the relay and the in-process bus to the consumer', async () => {
    exporter.reset();
    const client = new PGlite();
    await client.exec(`create schema t;
      create table t.outbox (seq bigserial primary key, id uuid not null unique, type text not null, envelope jsonb not null,
        created_at timestamptz not null default now(), published_at timestamptz, claimed_until timestamptz,
        attempts integer not null default 0, last_error text);`);
    const db = drizzle({ client }) as unknown as Db;
    const bus = new MemoryEventBus({ logger });
    let consumedIn: string | undefined;
    await bus.subscribe({
      queue: 'comms',
      events: ['auth.#'],
      handler: async () => {
        consumedIn = trace.getSpanContext(context.active())?.spanId;
      },
    });
    const unitOfWork = new UnitOfWork(db, outbox, 'auth');
    const relay = new OutboxRelay(db, outbox, bus, logger, { service: 'auth' });
    try {
      const root = trace.getTracer('test').startSpan('register');
      const envelope = await context.with(trace.setSpan(context.active(), root), () =>
        unitOfWork.run((_tx, events) =>
          events.add({
            type: 'auth.user.registered.v1',
            subject: 'u',
            data: { userId: crypto.randomUUID(), email: 'u@example.test', displayName: 'U', locale: 'en' },
          }),
        ),
      );
      root.end();
      expect(envelope.traceparent).toContain(root.spanContext().spanId);
      // The relay runs outside any request, as in a service: the envelope alone links it to the trace.
      await relay.publishPending();
    } finally {
      await client.close();
    }
    const spans = exporter.getFinishedSpans();
    const publish = only(spans, 'publish auth.user.registered.v1');
    const consume = only(spans, 'process auth.user.registered.v1');
    expectChild(publish, only(spans, 'register'));
    expectChild(consume, publish);
    expect(publish.kind).toBe(SpanKind.PRODUCER);
    expect(consume.kind).toBe(SpanKind.CONSUMER);
    expect(consume.attributes[SERVICE_ATTRIBUTE]).toBe('comms');
    expect(consumedIn).toBe(consume.spanContext().spanId);
    const { body } = await renderMetrics();
    expect(body).toContain('msp_bus_messages_total{queue="comms",outcome="handled"} 1');
    expect(body).toContain('msp_outbox_published_total{service="auth"} 1');
  });
});
