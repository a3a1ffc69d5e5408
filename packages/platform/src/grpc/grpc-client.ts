import {
  ClientError,
  createChannel,
  createClientFactory,
  Metadata,
  type Channel,
  type Client,
  type ClientMiddlewareCall,
  type CallOptions,
  type CompatServiceDefinition,
} from 'nice-grpc';
import { deadlineMiddleware } from 'nice-grpc-client-middleware-deadline';
import { context as otelContext, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { currentContext } from '../logging/request-context.js';
import { injectTraceContext, type TraceCarrier } from '../telemetry/trace-context.js';
import { platformTracer, SERVICE_ATTRIBUTE } from '../telemetry/tracing.js';
import type { FieldProblem } from './domain-error.js';
import { channelTargetOf, ROUND_ROBIN_SERVICE_CONFIG } from './grpc-target.js';
import { MetadataKey } from './metadata-keys.js';

/** A failed call with the service's stable error code and field problems (from trailers). */
export class RemoteCallError extends Error {
  constructor(
    readonly status: number,
    readonly details: string,
    readonly code: string | undefined,
    readonly fields: FieldProblem[],
    readonly method: string,
    /** Seconds until a throttled call may be retried, when the service said so. */
    readonly retryAfterSeconds?: number,
  ) {
    super(`${method}: ${details}`);
    this.name = 'RemoteCallError';
  }
}

/** Carries the current request's correlation id and caller to the service being called. */
async function* propagateContext<Req, Res>(call: ClientMiddlewareCall<Req, Res>, options: CallOptions) {
  const metadata = Metadata(options.metadata);
  const context = currentContext();
  if (context) {
    metadata.set(MetadataKey.correlationId, context.correlationId);
    if (context.caller) metadata.set(MetadataKey.caller, JSON.stringify(context.caller));
  }
  return yield* call.next(call.request, { ...options, metadata });
}

const tracer = platformTracer('msp.grpc');

/**
 * A CLIENT span per call, its context sent as W3C `traceparent` metadata so the service's SERVER
 * span continues the same trace. `service` names the caller on the span.
 */
function traceCalls(service: string) {
  return async function* traceCall<Req, Res>(call: ClientMiddlewareCall<Req, Res>, options: CallOptions) {
    const method = call.method.path;
    // Readiness probes check every backend every few seconds: traced, they would bury the requests.
    if (method.startsWith('/grpc.health.v1.Health/')) return yield* call.next(call.request, options);
    const [rpcService = '', rpcMethod = ''] = method.slice(1).split('/');
    const parent = otelContext.active();
    const span = tracer.startSpan(
      method.slice(1),
      {
        kind: SpanKind.CLIENT,
        attributes: { [SERVICE_ATTRIBUTE]: service, 'rpc.system': 'grpc', 'rpc.service': rpcService, 'rpc.method': rpcMethod },
      },
      parent,
    );
    const carrier: TraceCarrier = {};
    injectTraceContext(carrier, trace.setSpan(parent, span));
    const metadata = Metadata(options.metadata);
    for (const [key, value] of Object.entries(carrier)) metadata.set(key, String(value));
    try {
      return yield* call.next(call.request, { ...options, metadata });
    } catch (error) {
      const code = error instanceof ClientError ? error.code : error instanceof RemoteCallError ? error.status : undefined;
      if (code !== undefined) span.setAttribute('rpc.grpc.status_code', code);
      span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
      throw error;
    } finally {
      span.end();
    }
  };
}

/** Turns ClientError into RemoteCallError carrying the error code and field list from the trailers. */
async function* readErrorTrailers<Req, Res>(call: ClientMiddlewareCall<Req, Res>, options: CallOptions) {
  let trailer: Metadata | undefined;
  try {
    return yield* call.next(call.request, {
      ...options,
      onTrailer: (received) => {
        trailer = received;
        options.onTrailer?.(received);
      },
    });
  } catch (error) {
    if (!(error instanceof ClientError)) throw error;
    const code = trailer?.get(MetadataKey.errorCode);
    const fieldsRaw = trailer?.get(MetadataKey.fieldErrors);
    let fields: FieldProblem[] = [];
    if (typeof fieldsRaw === 'string') {
      try {
        fields = JSON.parse(fieldsRaw) as FieldProblem[];
      } catch {
        fields = [];
      }
    }
    const retryAfter = Number(trailer?.get(MetadataKey.retryAfter));
    throw new RemoteCallError(
      error.code,
      error.details,
      typeof code === 'string' ? code : undefined,
      fields,
      error.path,
      Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
    );
  }
}

export interface ServiceClientOptions {
  /** Every call gets this deadline unless the caller passes its own. */
  deadlineMs: number;
  /** Who calls (`gateway`, `auth`): named on the calls' CLIENT spans. */
  caller?: string;
}

export interface ServiceConnection<S extends CompatServiceDefinition> {
  client: Client<S>;
  channel: Channel;
  close(): void;
}

/** The largest answer a client accepts: far above any page, enough for a data export. */
export const MAX_RECEIVE_MESSAGE_BYTES = 64 * 1024 * 1024;

/** A typed client for one service, with a deadline on every call and context propagation. */
export function connectService<S extends CompatServiceDefinition>(
  definition: S,
  address: string,
  options: ServiceClientOptions,
): ServiceConnection<S> {
  const channel = createChannel(channelTargetOf(address), undefined, {
    // `address` may name several replicas (or a DNS name with several records): spread calls over all.
    'grpc.service_config': ROUND_ROBIN_SERVICE_CONFIG,
    'grpc.keepalive_time_ms': 30_000,
    'grpc.keepalive_timeout_ms': 10_000,
    // A restarted service must be reachable again within seconds, not after grpc-js's default
    // backoff (up to two minutes), or one service restart would keep the gateway degraded.
    'grpc.initial_reconnect_backoff_ms': 250,
    'grpc.max_reconnect_backoff_ms': 3_000,
    // grpc-js refuses answers over 4 MiB by default; a user's data export (every task and comment they
    // wrote) can be larger. Servers send without a limit, so the receiving side sets the bound.
    'grpc.max_receive_message_length': MAX_RECEIVE_MESSAGE_BYTES,
  });
  const client = createClientFactory()
    .use(propagateContext)
    .use(traceCalls(options.caller ?? 'unnamed'))
    .use(readErrorTrailers)
    .use(deadlineMiddleware)
    .create(definition, channel, { '*': { deadline: options.deadlineMs } } as never);
  return { client, channel, close: () => channel.close() };
}
