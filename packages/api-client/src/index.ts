import createClient, { type Client, type ClientOptions } from 'openapi-fetch';
import type { components, paths } from './schema.js';

export type { components, paths } from './schema.js';
export { readProblem, type FieldProblem } from './problem.js';

/** The platform's public API, typed from the gateway's OpenAPI document. */
export type ApiClient = Client<paths>;

/**
 * A client typed by hand-written path declarations. Only for a stop-gap: an endpoint an app already
 * calls that the OpenAPI document does not describe yet, declared next to the call and deleted once
 * the generated `paths` has it.
 */
export type ApiClientOf<Paths extends {}> = Client<Paths>;

/** An `application/problem+json` body (RFC 9457) as the gateway sends it. */
export type Problem = components['schemas']['Problem'];

/** A client of the gateway at `baseUrl` (web server side, mobile, end-to-end tests). */
export function createApiClient(baseUrl: string, options: Omit<ClientOptions, 'baseUrl'> = {}): ApiClient {
  return createClient<paths>({ ...options, baseUrl });
}
