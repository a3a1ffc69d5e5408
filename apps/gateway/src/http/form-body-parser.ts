import type { FastifyInstance, FastifyRequest } from 'fastify';
import { routePathOf, type RegisteredEndpoint } from './endpoint.decorator.js';
import { ProblemException, ValidationError } from './problem.js';

/** The media types HTML forms are sent as (RFC 8058 allows either for one-click unsubscribing). */
export const FORM_MEDIA_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data'] as const;

/** A form for these routes carries a field or two; anything bigger is not one of them. */
const FORM_BODY_LIMIT_BYTES = 8 * 1024;

/**
 * Parses form bodies into `{ field: value }`, for the routes declared with `acceptsForm` only. Any
 * other route refuses forms with 415, as it did before: a cross-site HTML form cannot reach it.
 */
export function installFormBodyParser(fastify: FastifyInstance, endpoints: RegisteredEndpoint[]): void {
  const formRoutes = new Set(endpoints.filter((endpoint) => endpoint.acceptsForm).map(routeKeyOf));
  fastify.addContentTypeParser(
    [...FORM_MEDIA_TYPES],
    { parseAs: 'buffer', bodyLimit: FORM_BODY_LIMIT_BYTES },
    async (request: FastifyRequest, body: Buffer) => {
      if (!formRoutes.has(`${request.method} ${request.routeOptions.url ?? ''}`)) {
        throw new ProblemException(415, 'UNSUPPORTED_MEDIA_TYPE', 'Send request bodies as application/json.');
      }
      return fieldsOf(body, request.headers['content-type'] ?? '');
    },
  );
}

function routeKeyOf(endpoint: RegisteredEndpoint): string {
  return `${endpoint.method} ${routePathOf(endpoint.path)}`;
}

/** Decoded by the WHATWG form parser of fetch: the rules browsers and mail clients encode by. */
async function fieldsOf(body: Buffer, contentType: string): Promise<Record<string, string>> {
  let form: FormData;
  try {
    form = await new Response(new Uint8Array(body), { headers: { 'content-type': contentType } }).formData();
  } catch {
    throw new ValidationError([{ path: 'body', message: 'must be a valid form' }]);
  }
  const fields: Record<string, string> = {};
  for (const [name, value] of form) {
    // No form route takes files.
    if (typeof value !== 'string') throw new ValidationError([{ path: name, message: 'must be text, not a file' }]);
    fields[name] = value;
  }
  return fields;
}
