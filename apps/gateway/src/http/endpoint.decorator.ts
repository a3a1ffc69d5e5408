import { applyDecorators, HttpCode, RequestMapping, RequestMethod, type Type } from '@nestjs/common';
import type { z } from 'zod';
import type { RateLimitGroup } from '../config.js';

export type EndpointAuth = 'public' | 'user' | 'admin';
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface EndpointSpec {
  method: HttpMethod;
  /** OpenAPI-style path, e.g. `/api/v1/projects/{projectId}`; the route is derived from it. */
  path: string;
  summary: string;
  description?: string;
  tag: string;
  auth: EndpointAuth;
  /**
   * A request budget per client address that this route shares with the other routes of the group,
   * on top of the global one every route has (sensitive routes: sign-in, sign-up, reset, …).
   */
  rateLimit?: RateLimitGroup;
  /** Status of the success response. */
  status: number;
  /** Path parameters; a value that fails them cannot name a resource, so it is answered 404. */
  params?: z.ZodType;
  body?: z.ZodType;
  /**
   * The body may also arrive as an HTML form (urlencoded or multipart), parsed into string fields and
   * validated by `body` like JSON. Only for what cannot send JSON, such as the one-click unsubscribe
   * POST of mail clients (RFC 8058); every other route answers forms with 415.
   */
  acceptsForm?: boolean;
  /**
   * The handler gets the JSON body's bytes exactly as sent (a Buffer), unparsed: for a signature
   * computed over them, as on payment webhooks. Parsing and re-serializing would break it.
   */
  rawBody?: boolean;
  query?: z.ZodType;
  /** Request headers the handler reads (e.g. `if-match`), by their lower-case names; parsed by ValidHeaders. */
  headers?: z.ZodType;
  /**
   * A create that honours `Idempotency-Key` (API.md): a repeat with the same key and body answers
   * the first response again, the same key with another body is 422. Keys are scoped to the caller,
   * so an idempotent endpoint cannot be public.
   */
  idempotent?: boolean;
  response?: z.ZodType;
  /** Media type of a success response that is not JSON (e.g. `text/html`). */
  produces?: string;
  /** Statuses answered with a Problem; the ones implied by auth and inputs are added. */
  errors: number[];
  /** The services' stable problem `code`s per status (documented; the gateway's own are added). */
  errorCodes?: Partial<Record<number, string[]>>;
  /** Non-problem answers with another status, e.g. readiness's 503 report. */
  otherResponses?: Record<number, { description: string; schema: z.ZodType }>;
}

/** An endpoint as registered: its spec with the complete error list and the handler's name. */
export interface RegisteredEndpoint extends EndpointSpec {
  operationId: string;
}

/**
 * The registry: handler function → its declaration. The guard, the input decorators and the
 * OpenAPI document all read the same entry, so routing, validation and documentation cannot drift.
 */
const registry = new WeakMap<object, RegisteredEndpoint>();

/** Declares an endpoint once: the Nest route and status plus the data for auth, validation and docs. */
export function Endpoint(spec: EndpointSpec): MethodDecorator {
  return (target, propertyKey, descriptor) => {
    if (spec.idempotent && spec.auth === 'public') {
      throw new Error(`${String(propertyKey)}: idempotency keys are scoped to a caller; a public endpoint has none`);
    }
    registry.set(descriptor.value as object, {
      ...spec,
      errors: impliedErrors(spec),
      operationId: String(propertyKey),
    });
    applyDecorators(RequestMapping({ path: routePathOf(spec.path), method: RequestMethod[spec.method] }), HttpCode(spec.status))(
      target,
      propertyKey,
      descriptor,
    );
  };
}

export function endpointOf(handler: unknown): RegisteredEndpoint | undefined {
  return typeof handler === 'function' ? registry.get(handler) : undefined;
}

/** The declared endpoints of some controllers, in declaration order. */
export function endpointsOf(controllers: Type[]): RegisteredEndpoint[] {
  return controllers.flatMap((controller) =>
    Object.getOwnPropertyNames(controller.prototype)
      .map((name) => endpointOf((controller.prototype as Record<string, unknown>)[name]))
      .filter((endpoint): endpoint is RegisteredEndpoint => endpoint !== undefined),
  );
}

/** `{projectId}` (OpenAPI) → `:projectId` (Fastify's router). */
export function routePathOf(path: string): string {
  return path.replace(/\{([A-Za-z0-9_]+)\}/g, ':$1');
}

function impliedErrors(spec: EndpointSpec): number[] {
  const errors = new Set([...spec.errors, ...Object.keys(spec.errorCodes ?? {}).map(Number)]);
  if (spec.body || spec.rawBody || spec.query || spec.headers) errors.add(400);
  if (spec.idempotent) {
    errors.add(400); // a malformed key
    errors.add(409); // the first request with this key is still running
    errors.add(422); // the key was used with another request
    errors.add(503); // the record of earlier keys cannot be read
  }
  if (spec.params) errors.add(404);
  if (spec.auth !== 'public') {
    errors.add(401);
    errors.add(503); // the keys that verify tokens may be unreachable
  }
  if (spec.auth === 'admin') errors.add(403);
  errors.add(429); // every route counts against the global rate limit
  errors.add(500);
  for (const status of Object.keys(spec.otherResponses ?? {})) errors.delete(Number(status));
  return [...errors].sort((a, b) => a - b);
}
