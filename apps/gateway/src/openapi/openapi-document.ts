import { z } from 'zod';
import type { RegisteredEndpoint } from '../http/endpoint.decorator.js';
import { FORM_MEDIA_TYPES } from '../http/form-body-parser.js';
import { idempotencyKeyHeaders } from '../http/idempotency.interceptor.js';
import { problemSchema, titleOf } from '../http/problem.js';

export const OPENAPI_DOCUMENT = Symbol('OpenApiDocument');

export type JsonSchema = Record<string, unknown>;

export interface OpenApiParameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required: boolean;
  description?: string;
  schema: JsonSchema;
}

export interface OpenApiOperation {
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  security: Array<Record<string, string[]>>;
  'x-auth': RegisteredEndpoint['auth'];
  parameters?: OpenApiParameter[];
  requestBody?: { required: boolean; content: Record<string, { schema: JsonSchema }> };
  responses: Record<string, { description: string; content?: Record<string, { schema: JsonSchema }> } | { $ref: string }>;
}

export interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string; description: string };
  servers: Array<{ url: string; description: string }>;
  tags: Array<{ name: string }>;
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: {
    securitySchemes: Record<string, JsonSchema>;
    schemas: Record<string, JsonSchema>;
    responses: Record<
      string,
      {
        description: string;
        headers?: Record<string, { description: string; schema: JsonSchema }>;
        content: Record<string, { schema: JsonSchema }>;
      }
    >;
  };
}

const PROBLEM_REF = '#/components/schemas/Problem';

const wholeNumber = { type: 'integer', minimum: 0 };
/** What a throttled client needs to know, on every 429 (API.md: rate-limited responses carry Retry-After). */
const THROTTLING_HEADERS = {
  'Retry-After': { description: 'Seconds to wait before trying again', schema: wholeNumber },
  'RateLimit-Limit': { description: 'Requests allowed per window by the exhausted limit (gateway limits only)', schema: wholeNumber },
  'RateLimit-Remaining': { description: 'Requests left in the window (gateway limits only)', schema: wholeNumber },
  'RateLimit-Reset': { description: 'Seconds until the window resets (gateway limits only)', schema: wholeNumber },
};

/** The OpenAPI 3.1 document of the given endpoints, from the same zod schemas that validate requests. */
export function buildOpenApiDocument(endpoints: RegisteredEndpoint[]): OpenApiDocument {
  const paths: OpenApiDocument['paths'] = {};
  const errorStatuses = new Set<number>();
  const tags: string[] = [];
  for (const endpoint of endpoints) {
    (paths[endpoint.path] ??= {})[endpoint.method.toLowerCase()] = operationOf(endpoint);
    endpoint.errors.forEach((status) => errorStatuses.add(status));
    if (!tags.includes(endpoint.tag)) tags.push(endpoint.tag);
  }
  const responses: OpenApiDocument['components']['responses'] = {};
  for (const status of [...errorStatuses].sort((a, b) => a - b)) {
    responses[`Problem${status}`] = {
      description: titleOf(status),
      ...(status === 429 ? { headers: THROTTLING_HEADERS } : {}),
      content: { 'application/problem+json': { schema: { $ref: PROBLEM_REF } } },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Mega Solution Platform API',
      version: '1.0.0',
      description:
        'Public HTTP API of the platform. Errors are RFC 9457 problem details (`application/problem+json`) with a ' +
        'stable `code` and a `correlationId`, which every response also carries as `X-Request-Id`. Requests are ' +
        'rate-limited per client address; responses carry the `RateLimit-Limit`, `RateLimit-Remaining`, ' +
        '`RateLimit-Reset` and `RateLimit-Policy` headers (IETF draft) of the tightest limit, and a 429 carries `Retry-After`.',
    },
    servers: [{ url: '/', description: 'This gateway' }],
    tags: tags.map((name) => ({ name })),
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: { Problem: jsonSchemaOf(problemSchema, 'output') },
      responses,
    },
  };
}

function operationOf(endpoint: RegisteredEndpoint): OpenApiOperation {
  const parameters = [
    ...parametersOf(endpoint.params, 'path'),
    ...parametersOf(endpoint.query, 'query'),
    ...parametersOf(endpoint.headers, 'header'),
    ...parametersOf(endpoint.idempotent ? idempotencyKeyHeaders : undefined, 'header'),
  ];
  const operation: OpenApiOperation = {
    operationId: endpoint.operationId,
    summary: endpoint.summary,
    tags: [endpoint.tag],
    security: endpoint.auth === 'public' ? [] : [{ bearer: [] }],
    'x-auth': endpoint.auth,
    responses: { [endpoint.status]: successOf(endpoint) },
  };
  const description = [endpoint.description, endpoint.auth === 'admin' ? 'Requires the `admin` role.' : undefined]
    .filter(Boolean)
    .join(' ');
  if (description) operation.description = description;
  if (parameters.length > 0) operation.parameters = parameters;
  if (endpoint.body) {
    const schema = jsonSchemaOf(endpoint.body, 'input');
    const mediaTypes = ['application/json', ...(endpoint.acceptsForm ? FORM_MEDIA_TYPES : [])];
    operation.requestBody = {
      // A body schema that accepts no body at all makes the body optional.
      required: !endpoint.body.safeParse(undefined).success,
      content: Object.fromEntries(mediaTypes.map((mediaType) => [mediaType, { schema }])),
    };
  }
  if (endpoint.rawBody) {
    // Taken as bytes: whatever JSON the sender signed, checked by the signature rather than a schema.
    operation.requestBody = { required: true, content: { 'application/json': { schema: { type: 'object' } } } };
  }
  for (const [status, other] of Object.entries(endpoint.otherResponses ?? {})) {
    operation.responses[status] = {
      description: other.description,
      content: { 'application/json': { schema: jsonSchemaOf(other.schema, 'output') } },
    };
  }
  for (const status of endpoint.errors) operation.responses[status] = problemResponseOf(endpoint, status);
  return operation;
}

/** Codes the gateway itself answers with, whatever the endpoint. */
const GATEWAY_CODES: Record<number, (endpoint: RegisteredEndpoint) => string[]> = {
  400: (endpoint) => (endpoint.body ? ['VALIDATION_FAILED', 'MALFORMED_JSON'] : ['VALIDATION_FAILED']),
  409: (endpoint) => (endpoint.idempotent ? ['IDEMPOTENCY_KEY_IN_USE'] : []),
  422: (endpoint) => (endpoint.idempotent ? ['IDEMPOTENCY_KEY_REUSED'] : []),
  401: (endpoint) => (endpoint.auth === 'public' ? [] : ['UNAUTHENTICATED', 'SESSION_REVOKED']),
  403: (endpoint) => (endpoint.auth === 'admin' ? ['FORBIDDEN'] : []),
  404: () => ['NOT_FOUND'],
  429: () => ['RATE_LIMITED'],
  500: () => ['INTERNAL'],
  503: (endpoint) => (endpoint.auth === 'public' ? ['UNAVAILABLE'] : ['AUTH_UNAVAILABLE', 'UNAVAILABLE']),
};

/** A problem response that names the stable `code`s a client may see for this status. */
function problemResponseOf(endpoint: RegisteredEndpoint, status: number): OpenApiOperation['responses'][string] {
  const codes = [...new Set([...(endpoint.errorCodes?.[status] ?? []), ...(GATEWAY_CODES[status]?.(endpoint) ?? [])])];
  if (codes.length === 0) return { $ref: `#/components/responses/Problem${status}` };
  return {
    description: `${titleOf(status)} — \`code\`: ${codes.join(', ')}`,
    'x-error-codes': codes,
    ...(status === 429 ? { headers: THROTTLING_HEADERS } : {}),
    content: { 'application/problem+json': { schema: { $ref: PROBLEM_REF } } },
  } as OpenApiOperation['responses'][string];
}

function successOf(endpoint: RegisteredEndpoint): OpenApiOperation['responses'][string] {
  const description = titleOf(endpoint.status);
  if (endpoint.produces) return { description, content: { [endpoint.produces]: { schema: { type: 'string' } } } };
  if (!endpoint.response) return { description };
  return { description, content: { 'application/json': { schema: jsonSchemaOf(endpoint.response, 'output') } } };
}

/** Each property of an object schema as one parameter (path parameters are always required). */
function parametersOf(schema: z.ZodType | undefined, location: OpenApiParameter['in']): OpenApiParameter[] {
  if (!schema) return [];
  const json = jsonSchemaOf(schema, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, property]) => {
    const { description, ...rest } = property;
    return {
      // Schemas name headers as Node delivers them (lower case); documents spell them as clients do.
      name: location === 'header' ? headerNameOf(name) : name,
      in: location,
      required: location === 'path' || (json.required ?? []).includes(name),
      ...(typeof description === 'string' ? { description } : {}),
      schema: rest,
    };
  });
}

/** `if-match` → `If-Match`. */
function headerNameOf(name: string): string {
  return name.replace(/(^|-)([a-z])/g, (_, dash: string, letter: string) => dash + letter.toUpperCase());
}

/**
 * Zod 4 emits JSON Schema 2020-12, the dialect of OpenAPI 3.1. Requests are documented as input
 * (before defaults and coercion), responses as output. `$schema` is dropped: the document sets it.
 */
function jsonSchemaOf(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _dialect, ...json } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  return json;
}
