import { context, trace } from '@opentelemetry/api';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../logging/logger.js';
import { runWithContext } from '../logging/request-context.js';
import { contextFromTraceparent, currentTraceparent, extractTraceContext, injectTraceContext } from './trace-context.js';
import { startTracing, type Tracing } from './tracing.js';

const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-0[01]$/;

describe('trace context propagation (W3C traceparent)', () => {
  const exporter = new InMemorySpanExporter();
  let tracing: Tracing;
  beforeAll(() => {
    tracing = startTracing({ serviceName: 'test', exporter });
  });
  afterAll(() => tracing.shutdown());

  it('has no traceparent outside a trace', () => {
    expect(currentTraceparent()).toBeUndefined();
  });

  it('writes the active span as traceparent and continues it on the other side', () => {
    const tracer = trace.getTracer('test');
    const sender = tracer.startSpan('send');
    const sent = context.with(trace.setSpan(context.active(), sender), () => currentTraceparent());
    expect(sent).toMatch(TRACEPARENT);
    expect(sent).toContain(`${sender.spanContext().traceId}-${sender.spanContext().spanId}-01`);

    const receiver = tracer.startSpan('receive', {}, contextFromTraceparent(sent));
    receiver.end();
    sender.end();
    const [received] = exporter.getFinishedSpans().filter((span) => span.name === 'receive');
    expect(received?.spanContext().traceId).toBe(sender.spanContext().traceId);
    expect(received?.parentSpanContext?.spanId).toBe(sender.spanContext().spanId);
    expect(received?.parentSpanContext?.isRemote).toBe(true);
  });

  it('reads AMQP headers that arrive as bytes, and metadata carriers', () => {
    const traceparent = `00-${'a'.repeat(32)}-${'b'.repeat(16)}-01`;
    const fromBuffer = trace.getSpanContext(extractTraceContext({ traceparent: Buffer.from(traceparent) }));
    expect(fromBuffer).toMatchObject({ traceId: 'a'.repeat(32), spanId: 'b'.repeat(16) });
    const carrier: Record<string, unknown> = {};
    injectTraceContext(carrier, extractTraceContext({ traceparent }));
    expect(carrier.traceparent).toBe(traceparent);
  });

  it('starts a fresh trace from a missing or malformed traceparent instead of failing', () => {
    for (const bad of [undefined, '', 'garbage', `00-${'0'.repeat(32)}-${'b'.repeat(16)}-01`]) {
      expect(trace.getSpanContext(contextFromTraceparent(bad))).toBeUndefined();
    }
  });

  it('is shared, not replaced, by later starts in the same process (embedded services)', async () => {
    const second = startTracing({ serviceName: 'auth-service', otlpEndpoint: 'http://127.0.0.1:1' });
    expect(second.exporting).toBe(true);
    await second.shutdown(); // not the owner: nothing happens
    const span = trace.getTracer('test').startSpan('still recorded');
    span.end();
    expect(exporter.getFinishedSpans().map((s) => s.name)).toContain('still recorded');
  });

  it('puts the trace and span ids beside the correlation id in every log line inside a span', () => {
    const lines: string[] = [];
    const destination = new Writable({ write: (chunk: Buffer, _encoding, done) => (lines.push(chunk.toString()), done()) });
    const logger = createLogger('test', 'info', destination);
    const span = trace.getTracer('test').startSpan('logged');
    context.with(trace.setSpan(context.active(), span), () => runWithContext({ correlationId: 'req-1' }, () => logger.info('inside')));
    span.end();
    logger.info('outside');
    const [inside, outside] = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(inside).toMatchObject({ correlationId: 'req-1', traceId: span.spanContext().traceId, spanId: span.spanContext().spanId });
    expect(outside).not.toHaveProperty('traceId');
  });
});
