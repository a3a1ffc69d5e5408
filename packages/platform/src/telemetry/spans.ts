import { context, SpanKind, SpanStatusCode, trace, type Attributes, type Context, type Span, type Tracer } from '@opentelemetry/api';

/** Re-exported so apps describe spans without depending on the OpenTelemetry API themselves. */
export { SpanKind };

export interface SpanSpec {
  name: string;
  kind: SpanKind;
  attributes?: Attributes;
  /** The parent's context (a received traceparent); the active context when omitted. */
  parent?: Context;
}

/**
 * Runs `work` as the active span: the span ends when the work settles, marked as an error (with
 * the exception recorded) when it throws. Nested spans, outgoing calls and log lines inside see it.
 */
export async function inSpan<T>(tracer: Tracer, spec: SpanSpec, work: (span: Span) => Promise<T>): Promise<T> {
  const parent = spec.parent ?? context.active();
  const span = tracer.startSpan(spec.name, { kind: spec.kind, ...(spec.attributes ? { attributes: spec.attributes } : {}) }, parent);
  try {
    return await context.with(trace.setSpan(parent, span), () => work(span));
  } catch (error) {
    failSpan(span, error);
    throw error;
  } finally {
    span.end();
  }
}

/** Marks a span failed with the error's message (the stack stays in the logs, not in the trace). */
export function failSpan(span: Span, error: unknown): void {
  if (!span.isRecording()) return;
  span.recordException(error instanceof Error ? { name: error.name, message: error.message } : String(error));
  span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
}

/** OpenTelemetry types under the platform's names, for apps that start spans of their own. */
export type { Context as TraceContext, Span as TraceSpan } from '@opentelemetry/api';
export { SpanStatusCode };

/** The active trace context (where new spans become children). */
export function activeTraceContext(): Context {
  return context.active();
}

/** `parent` with `span` as its active span. */
export function contextWithSpan(parent: Context, span: Span): Context {
  return trace.setSpan(parent, span);
}

/** Runs `fn` with `traceContext` active: spans, outgoing calls and log lines inside belong to it. */
export function runInTraceContext<T>(traceContext: Context, fn: () => T): T {
  return context.with(traceContext, fn);
}
