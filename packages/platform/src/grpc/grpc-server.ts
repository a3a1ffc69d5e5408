import { createServer, ServerError, Status, type CallContext, type ServerMiddlewareCall, type Server } from 'nice-grpc';
import { HealthDefinition, HealthServiceImpl, HealthState } from 'nice-grpc-server-health';
import type { Logger } from '../logging/logger.js';
import { runWithContext, type Caller, type RequestContext } from '../logging/request-context.js';
import { DomainError } from './domain-error.js';
import { MetadataKey } from './metadata-keys.js';

/** Maps a feature's DomainError to a gRPC status; returns undefined for errors of other features. */
export type ErrorStatusMapper = (error: DomainError) => Status | undefined;

export interface GrpcServerOptions {
  host: string;
  port: number;
  logger: Logger;
  errorMappers: ErrorStatusMapper[];
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
  const { logger, errorMappers } = options;

  async function* platformMiddleware<Req, Res>(call: ServerMiddlewareCall<Req, Res>, context: CallContext) {
    const requestContext = contextOf(context);
    try {
      // Each step of the handler runs inside the call's context (correlation id, caller), so its
      // logs and its own outgoing calls carry them; nothing leaks into the server's other work.
      const steps = call.next(call.request, context)[Symbol.asyncIterator]();
      for (;;) {
        const step = await runWithContext(requestContext, () => steps.next());
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

  const server = createServer().use(platformMiddleware);
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
