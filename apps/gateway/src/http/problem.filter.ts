import { Catch, Inject, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { LOGGER, type Logger } from '@msp/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { problemTypeOf, titleOf, type Problem } from './problem.js';
import { mapError } from './problem-mapping.js';

/**
 * The one global filter: every error (ours, a service's, Nest's or Fastify's) leaves as
 * `application/problem+json` carrying the request's correlation id. Server faults are logged in
 * full and answered with a generic detail, so internals never reach a client.
 */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  constructor(@Inject(LOGGER) private readonly logger: Logger) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const problem = mapError(error);
    const correlationId = request.id;

    if (problem.fault) {
      this.logger.error(
        { err: error, correlationId, method: request.method, route: request.routeOptions?.url, status: problem.status },
        'request failed',
      );
    }
    if (reply.sent) return;

    const body: Problem = {
      type: problemTypeOf(problem.code),
      title: titleOf(problem.status),
      status: problem.status,
      detail: problem.detail,
      code: problem.code,
      correlationId,
      ...(problem.errors ? { errors: problem.errors } : {}),
    };
    void reply
      .status(problem.status)
      // A route may have set a caching header before failing; an error is never cacheable. The body
      // goes as bytes so Fastify sends the media type exactly, without a charset parameter.
      .headers({ ...problem.headers, 'cache-control': 'no-store', 'content-type': 'application/problem+json' })
      .send(Buffer.from(JSON.stringify(body)));
  }
}
