import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Logger } from '@msp/platform';
import type { FastifyInstance } from 'fastify';

/** Ids a client may choose for itself: visible, header- and log-safe characters only. */
const SANE_REQUEST_ID = /^[A-Za-z0-9._~:@/+=-]{1,200}$/;

/**
 * Fastify's `genReqId`: the client's `X-Request-Id` when it is sane (so a client can join its own
 * logs to ours), else a new UUID. It becomes `request.id`, the correlation id everywhere.
 */
export function requestIdOf(request: IncomingMessage): string {
  const sent = request.headers['x-request-id'];
  return typeof sent === 'string' && SANE_REQUEST_ID.test(sent) ? sent : randomUUID();
}

/**
 * Hooks at the Fastify level, so they also cover answers Nest's pipeline never sees (unknown
 * routes, body parser failures, CORS preflights).
 */
export function installHttpHooks(fastify: FastifyInstance, logger: Logger): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    // API answers are per-caller; routes that are cacheable (the JWKS) override this.
    void reply.header('x-request-id', request.id).header('cache-control', 'no-store');
    done();
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    // The route pattern, not the URL: ids and query strings stay out of the logs, bodies and
    // authorization headers are never read here.
    logger.info(
      {
        method: request.method,
        route: request.routeOptions.url ?? '(unmatched)',
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime * 10) / 10,
        correlationId: request.id,
      },
      'request',
    );
    done();
  });
}
