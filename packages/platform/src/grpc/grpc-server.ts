import { createServer, ServerError, Status, type CallContext, type ServerMiddlewareCall, type Server } from 'nice-grpc';
import { HealthDefinition, HealthServiceImpl, HealthState } from 'nice-grpc-server-health';
import { context as otelContext, SpanKind, SpanStatusCode, trace, type Context, type Span } from '@opentelemetry/api';
import type { Logger } from '../logging/logger.js';
import { runWithContext, type Caller, type RequestContext } from '../logging/request-context.js';
import { platformMetrics } from '../telemetry/metrics.js';
import { extractTraceContext } from '../telemetry/trace-context.js';
import { platformTracer, SERVICE_ATTRIBUTE } from '../telemetry/tracing.js';
import { DomainError } from './domain-error.js';
import { MetadataKey } from './metadata-keys.js';

/** Maps a feature's DomainError to a gRPC status; returns undefined for errors of other features. */
export type ErrorStatusMapper = (error: DomainError) => Status | undefined;

export interface GrpcServerOptions {
  host: string;
  port: number;
  logger: Logger;
  errorMappers: ErrorStatusMapper[];
  /** The service's name, on its spans and metric series (`unnamed` when not given, e.g. in tests). */
  service?: string;
}

export interface GrpcServer {
  server: Server;
  port: number;
  health: ReturnType<typeof HealthState>;
  /** Stops accepting calls and waits for calls in flight, forcing them after `graceMs`. */
  shutdown(graceMs: number): Promise<void>;
}

/** The caller the gateway put in the metadata, or undefined for anonymous calls. */
export function callerOf(context: CallContext): Caller | undefined {
  const raw = context.metadata.get(MetadataKey.caller);
  if (typeof raw !== 'string' || raw === '') return undefined;
  try {
    const parsed = JSON.parse(raw) as Partial<Caller>;
    if (typeof parsed.userId !== 'string' || !Array.isArray(parsed.roles)) return undefined;
    return { userId: parsed.userId, sessionId: String(parsed.sessionId ?? ''), roles: parsed.roles.map(String) };
  } catch {
    return undefined;
  }
}

const tracer = platformTracer('msp.grpc');
/** Health probes every few seconds would drown the traces; they are still counted. */
const UNTRACED_PREFIX = '/grpc.health.v1.Health/';

/** A SERVER span continuing the caller's trace from the `traceparent` in the call's metadata. */
function startServerSpan(service: string, method: string, context: CallContext): { span: Span; context: Context } | undefined {
  if (method.startsWith(UNTRACED_PREFIX)) return undefined;
  const parent = extractTraceContext({ traceparent: context.metadata.get('traceparent'), tracestate: context.metadata.get('tracestate') });
  const [rpcService = '', rpcMethod = ''] = method.slice(1).split('/');
  const span = tracer.startSpan(
    method.slice(1),
    {
      kind: SpanKind.SERVER,
      attributes: { [SERVICE_ATTRIBUTE]: service, 'rpc.system': 'grpc', 'rpc.service': rpcService, 'rpc.method': rpcMethod },
    },
    parent,
  );
  return { span, context: trace.setSpan(parent, span) };
}

function contextOf(context: CallContext): RequestContext {
  const correlationId = context.metadata.get(MetadataKey.correlationId);
  const caller = callerOf(context);
  return {
    correlationId: typeof correlationId === 'string' && correlationId ? correlationId : crypto.randomUUID(),
    ...(caller ? { caller } : {}),
  };
}

/**
 * A gRPC server with the platform's rules: the standard health service, the request context
 * (correlation id, caller) around every call, domain errors mapped to status + trailers, and
 * internal errors logged and hidden.
 */
export async function startGrpcServer(options: GrpcServerOptions, register: (server: Server) => void): Promise<GrpcServer> {
  const { logger, errorMappers, service = 'unnamed' } = options;
  const metrics = platformMetrics();

  /** Span, call count by status and latency around every call. */
  async function* observedMiddleware<Req, Res>(call: ServerMiddlewareCall<Req, Res>, context: CallContext) {
    const method = call.method.path;
    const startedAt = performance.now();
    const traced = startServerSpan(service, method, context);
    let status = Status.OK;
    try {
      return yield* platformMiddleware(call, context, traced?.context ?? otelContext.active());
    } catch (error) {
      status = error instanceof ServerError ? error.code : Status.UNKNOWN;
      throw error;
    } finally {
      if (status === Status.OK && context.signal.aborted) status = Status.CANCELLED;
      const name = method.slice(1);
      metrics.grpcHandled.inc({ service, method: name, code: Status[status] });
      metrics.grpcDuration.observe({ service, method: name }, (performance.now() - startedAt) / 1000);
      if (traced) {
        traced.span.setAttribute('rpc.grpc.status_code', status);
        if (status !== Status.OK) traced.span.setStatus({ code: SpanStatusCode.ERROR, message: Status[status] });
        traced.span.end();
      }
    }
  }

  async function* platformMiddleware<Req, Res>(call: ServerMiddlewareCall<Req, Res>, context: CallContext, spanContext: Context) {
    const requestContext = contextOf(context);
    try {
      // Each step of the handler runs inside the call's context (correlation id, caller, span), so
      // its logs and its own outgoing calls carry them; nothing leaks into the server's other work.
      const steps = call.next(call.request, context)[Symbol.asyncIterator]();
      for (;;) {
        const step = await otelContext.with(spanContext, () => runWithContext(requestContext, () => steps.next()));
        if (step.done) return step.value;
        yield step.value;
      }
    } catch (error) {
      if (error instanceof ServerError) throw error;
      if (error instanceof DomainError) {
        const status = errorMappers.map((map) => map(error)).find((s) => s !== undefined);
        if (status !== undefined) {
          context.trailer.set(MetadataKey.errorCode, error.code);
          if (error.fields.length > 0) context.trailer.set(MetadataKey.fieldErrors, JSON.stringify(error.fields));
          if (error.retryAfterSeconds !== undefined)
            context.trailer.set(MetadataKey.retryAfter, String(Math.ceil(error.retryAfterSeconds)));
          throw new ServerError(status, error.message);
        }
      }
      logger.error({ err: error, method: call.method.path, correlationId: requestContext.correlationId }, 'unhandled error in gRPC call');
      throw new ServerError(Status.INTERNAL, 'internal error');
    }
  }

  const server = createServer({
    // Clients balance over what DNS said when they connected (decisions/0009). Ending each
    // connection after a while (GOAWAY; calls in flight get the grace to finish) makes them resolve
    // again, so pods added by a scale-up receive calls within minutes, not never.
    'grpc.max_connection_age_ms': 5 * 60_000,
    'grpc.max_connection_age_grace_ms': 30_000,
  }).use(observedMiddleware);
  const health = HealthState();
  server.add(HealthDefinition, HealthServiceImpl(health));
  register(server);
  const port = await server.listen(`${options.host}:${options.port}`);
  return {
    server,
    port,
    health,
    shutdown: async (graceMs) => {
      health.setStatus('unhealthy');
      const timer = setTimeout(() => server.forceShutdown(), graceMs);
      try {
        await server.shutdown();
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
