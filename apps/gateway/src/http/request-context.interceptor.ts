import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { runInTraceContext, runWithContext, type RequestContext } from '@msp/platform';
import type { FastifyRequest } from 'fastify';
import type { Observable } from 'rxjs';
import { traceContextOf } from './http-telemetry.js';

/**
 * Runs each handler inside the request's context (correlation id, verified caller) and its trace
 * span, which the platform's gRPC client reads to fill the call metadata. Services learn who calls
 * only this way.
 */
@Injectable()
export class RequestContextInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const requestContext: RequestContext = {
      correlationId: request.id,
      ...(request.caller ? { caller: request.caller } : {}),
    };
    // Nest binds the handler to the async context current when handle() is called, so calling it
    // inside runWithContext carries the context into the handler and everything it awaits.
    return runInTraceContext(traceContextOf(request), () => runWithContext(requestContext, () => next.handle()));
  }
}
