import { context, ROOT_CONTEXT, trace, type Context } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';

/** The one propagation format of the platform: W3C Trace Context (`traceparent`, `tracestate`). */
const w3c = new W3CTraceContextPropagator();

/** Carriers the platform moves trace context in: gRPC metadata, AMQP headers, HTTP headers, event envelopes. */
export type TraceCarrier = Record<string, unknown>;

const carrierSetter = { set: (carrier: TraceCarrier, key: string, value: string) => (carrier[key] = value) };
const carrierGetter = {
  keys: (carrier: TraceCarrier) => Object.keys(carrier),
  get: (carrier: TraceCarrier, key: string) => {
    const value = carrier[key];
    if (typeof value === 'string') return value;
    // AMQP delivers string headers as Buffers when the publisher typed them as bytes.
    if (Buffer.isBuffer(value)) return value.toString('utf8');
    if (Array.isArray(value) && typeof value[0] === 'string') return value[0];
    return undefined;
  },
};

/**
 * The `traceparent` of the active span (or of `from`), or undefined outside any trace. Written into
 * what leaves the process so the receiver can continue the same trace.
 */
export function currentTraceparent(from: Context = context.active()): string | undefined {
  const carrier: TraceCarrier = {};
  w3c.inject(from, carrier, carrierSetter);
  return typeof carrier.traceparent === 'string' ? carrier.traceparent : undefined;
}

/** Writes the active trace context into `carrier` (gRPC metadata, AMQP headers…). */
export function injectTraceContext(carrier: TraceCarrier, from: Context = context.active()): void {
  w3c.inject(from, carrier, carrierSetter);
}

/**
 * A context whose parent is the span a received `traceparent` names: new spans started in it join
 * the sender's trace. A missing or malformed value gives a fresh root, never an error.
 */
export function contextFromTraceparent(traceparent: string | undefined): Context {
  if (!traceparent) return ROOT_CONTEXT;
  return w3c.extract(ROOT_CONTEXT, { traceparent }, carrierGetter);
}

/** The trace context a carrier holds (HTTP headers, AMQP headers, metadata), or a fresh root. */
export function extractTraceContext(carrier: TraceCarrier | undefined): Context {
  if (!carrier) return ROOT_CONTEXT;
  return w3c.extract(ROOT_CONTEXT, carrier, carrierGetter);
}

/** Trace and span ids of the active span, for log lines; undefined outside any trace. */
export function activeTraceIds(): { traceId: string; spanId: string } | undefined {
  const span = trace.getSpanContext(context.active());
  if (!span || !trace.isSpanContextValid(span)) return undefined;
  return { traceId: span.traceId, spanId: span.spanId };
}
