import {
  activeTraceContext,
  contextWithSpan,
  extractTraceContext,
  platformMetrics,
  platformTracer,
  renderMetrics,
  SERVICE_ATTRIBUTE,
  SpanKind,
  SpanStatusCode,
  type TraceContext,
  type TraceSpan,
} from '@msp/platform';
import type { FastifyInstance, FastifyRequest } from 'fastify';

const tracer = platformTracer('msp.http');
const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);
/** Probes and scrapes come every few seconds: counted, but not traced. */
const UNTRACED = /^\/(?:metrics|health\/(?:live|ready))$/;

/** The route template: ids stay out of span names and metric labels (one series per route). */
function routeOf(request: FastifyRequest): string | undefined {
  return request.routeOptions.url;
}

const spans = new WeakMap<FastifyRequest, { span: TraceSpan; context: TraceContext }>();

/**
 * The trace context of a request's SERVER span, for the request-context interceptor to run the
 * handler in (so its gRPC calls become the span's children); the active context when untraced.
 */
export function traceContextOf(request: FastifyRequest): TraceContext {
  return spans.get(request)?.context ?? activeTraceContext();
}

/**
 * One SERVER span per request (continuing a `traceparent` the client sent) named by method and route
 * template, and the request count and latency by method, route and status, for every answer —
 * including those Nest never sees (unknown routes, body parser failures).
 */
export function installHttpTelemetry(fastify: FastifyInstance): void {
  const metrics = platformMetrics();
  fastify.addHook('onRequest', (request, _reply, done) => {
    const route = routeOf(request);
    if (route === undefined || !UNTRACED.test(route)) {
      const parent = extractTraceContext(request.headers);
      const span = tracer.startSpan(
        route ? `${request.method} ${route}` : request.method,
        {
          kind: SpanKind.SERVER,
          attributes: {
            [SERVICE_ATTRIBUTE]: 'gateway',
            // The correlation id of the request's logs and problems: a trace is found from a support ticket.
            'msp.request_id': request.id,
            'http.request.method': request.method,
            ...(route ? { 'http.route': route } : {}),
          },
        },
        parent,
      );
      spans.set(request, { span, context: contextWithSpan(parent, span) });
    }
    done();
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    const labels = {
      service: 'gateway',
      method: METHODS.has(request.method) ? request.method : 'OTHER',
      route: routeOf(request) ?? '(unmatched)',
      status: String(reply.statusCode),
    };
    metrics.httpRequests.inc(labels);
    metrics.httpDuration.observe(labels, reply.elapsedTime / 1000);
    const traced = spans.get(request);
    if (traced) {
      traced.span.setAttribute('http.response.status_code', reply.statusCode);
      if (reply.statusCode >= 500) traced.span.setStatus({ code: SpanStatusCode.ERROR });
      traced.span.end();
      spans.delete(request);
    }
    done();
  });
}

/**
 * `GET /metrics`: the process's Prometheus metrics (in embedded mode every service's too). A plain
 * Fastify route, outside Nest: no authentication, no rate limit, not in the public API document.
 */
export function installMetricsRoute(fastify: FastifyInstance): void {
  fastify.get('/metrics', async (_request, reply) => {
    const { contentType, body } = await renderMetrics();
    return reply.header('content-type', contentType).header('cache-control', 'no-store').send(body);
  });
}
