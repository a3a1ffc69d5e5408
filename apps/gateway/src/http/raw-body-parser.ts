import type { FastifyInstance, FastifyRequest } from 'fastify';
import { routePathOf, type RegisteredEndpoint } from './endpoint.decorator.js';

type Done = (error: Error | null, body?: unknown) => void;

/**
 * Replaces the JSON parser with one that reads bytes: the routes declared `rawBody` get them as they
 * came (a Buffer, for a signature check over exactly these bytes), every other route gets them
 * parsed by Fastify's own JSON parser, as before (same limits, same poisoning protection, same errors).
 */
export function installRawBodyParser(fastify: FastifyInstance, endpoints: RegisteredEndpoint[]): void {
  const rawRoutes = new Set(
    endpoints.filter((endpoint) => endpoint.rawBody).map((endpoint) => `${endpoint.method} ${routePathOf(endpoint.path)}`),
  );
  if (rawRoutes.size === 0) return;
  const { onProtoPoisoning = 'error', onConstructorPoisoning = 'error' } = fastify.initialConfig;
  // Typed for a string, but it takes bytes as well: it checks `.length` and secure-json-parse decodes a Buffer.
  const parseJson = fastify.getDefaultJsonParser(onProtoPoisoning, onConstructorPoisoning) as unknown as (
    request: FastifyRequest,
    body: Buffer,
    done: Done,
  ) => void;
  fastify.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request: FastifyRequest, body: Buffer, done: Done) => {
    if (rawRoutes.has(`${request.method} ${request.routeOptions.url ?? ''}`)) done(null, body);
    else parseJson(request, body, done);
  });
}
