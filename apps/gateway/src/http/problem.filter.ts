import { randomUUID } from 'node:crypto';
import type { Duplex } from 'node:stream';
import { Catch, Inject, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { LOGGER, type Logger } from '@msp/platform';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { problemTypeOf, titleOf, type Problem } from './problem.js';
import { mapError, type MappedProblem } from './problem-mapping.js';

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
    sendProblem(reply, correlationId, problem);
  }
}

/**
 * Fastify's answers to a URL its router cannot even match (bad percent-encoding, an id past the
 * router's length limit), given before Nest sees the request: a problem like any other. Such a
 * path names no resource, so it is 404, as a malformed id is.
 */
export function answerFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const unmatchable = error.code === 'FST_ERR_BAD_URL' || error.code === 'FST_ERR_MAX_PARAM_LENGTH';
  const problem: MappedProblem = unmatchable
    ? { status: 404, code: 'NOT_FOUND', detail: 'There is no resource at this path.', fault: false }
    : mapError(error);
  sendProblem(reply.header('x-request-id', request.id), request.id, problem);
}

/**
 * Node's HTTP parser refuses some requests before Fastify has one (a URL or headers over 16 KiB,
 * a malformed request line): a problem too, written straight to the socket, which then closes.
 */
export function answerClientError(error: Error & { code?: string }, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
  const correlationId = randomUUID();
  const body = JSON.stringify(
    problemOf(correlationId, {
      status,
      code: titleOf(status)
        .toUpperCase()
        .replace(/[^A-Z0-9]+/g, '_'),
      detail: status === 431 ? 'The URL or the headers are too large.' : 'The request could not be understood.',
      ...(status === 400 ? { errors: [{ path: 'request', message: 'must be a valid HTTP request' }] } : {}),
      fault: false,
    }),
  );
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${titleOf(status)}\r\ncontent-type: application/problem+json\r\ncontent-length: ${Buffer.byteLength(body)}\r\n` +
        `x-request-id: ${correlationId}\r\ncache-control: no-store\r\nconnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}

function problemOf(correlationId: string, problem: MappedProblem): Problem {
  return {
    type: problemTypeOf(problem.code),
    title: titleOf(problem.status),
    status: problem.status,
    detail: problem.detail,
    code: problem.code,
    correlationId,
    ...(problem.errors ? { errors: problem.errors } : {}),
  };
}

function sendProblem(reply: FastifyReply, correlationId: string, problem: MappedProblem): void {
  const body = problemOf(correlationId, problem);
  void reply
    .status(problem.status)
    // A route may have set a caching header before failing; an error is never cacheable. The body
    // goes as bytes so Fastify sends the media type exactly, without a charset parameter.
    .headers({ ...problem.headers, 'cache-control': 'no-store', 'content-type': 'application/problem+json' })
    .send(Buffer.from(JSON.stringify(body)));
}
