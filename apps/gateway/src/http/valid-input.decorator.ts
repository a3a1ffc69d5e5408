import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FieldProblem } from '@msp/platform';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { endpointOf, type EndpointSpec } from './endpoint.decorator.js';
import { ProblemException, ValidationError } from './problem.js';
import { readableMessage } from './field-messages.js';

type Source = 'body' | 'query' | 'params' | 'headers';

/** The request body parsed by the endpoint's `body` schema; unknown fields and bad values → 400. */
export const ValidBody = createParamDecorator((_: unknown, context: ExecutionContext) => parse(context, 'body'));

/** The query string parsed (and coerced, defaults applied) by the endpoint's `query` schema. */
export const ValidQuery = createParamDecorator((_: unknown, context: ExecutionContext) => parse(context, 'query'));

/** The request headers parsed by the endpoint's `headers` schema (lower-case names, others ignored). */
export const ValidHeaders = createParamDecorator((_: unknown, context: ExecutionContext) => parse(context, 'headers'));

/**
 * The path parameters parsed by the endpoint's `params` schema. A malformed id cannot name any
 * resource, so it is answered like an unknown one: 404, never leaking what the ids look like.
 */
export const ValidParams = createParamDecorator((_: unknown, context: ExecutionContext) => {
  try {
    return parse(context, 'params');
  } catch (error) {
    if (error instanceof ValidationError) throw new ProblemException(404, 'NOT_FOUND', 'There is no resource at this path.');
    throw error;
  }
});

function parse(context: ExecutionContext, source: Source): unknown {
  const endpoint = endpointOf(context.getHandler());
  const schema: EndpointSpec[Source] = endpoint?.[source];
  if (!schema) throw new Error(`${context.getClass().name}.${context.getHandler().name} declares no ${source} schema`);
  const request = context.switchToHttp().getRequest<FastifyRequest>();
  const result = schema.safeParse(request[source]);
  const nulCharacters = nulCharacterProblemsOf(request[source], source);
  if (result.success && nulCharacters.length === 0) return result.data;
  const problems = result.success ? [] : fieldProblemsOf(result.error, source);
  const named = new Set(problems.map((problem) => problem.path));
  throw new ValidationError([...problems, ...nulCharacters.filter((problem) => !named.has(problem.path))]);
}

/**
 * PostgreSQL text cannot hold U+0000, so a value with one would fail deep in a service as a 500.
 * No field of this API has a use for it: it is refused here, named like any other field problem.
 */
export function nulCharacterProblemsOf(value: unknown, root: string, path = ''): FieldProblem[] {
  if (typeof value === 'string') return value.includes('\u0000') ? [{ path: path || root, message: 'must not contain NUL (U+0000)' }] : [];
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, item]) => nulCharacterProblemsOf(item, root, path ? `${path}.${key}` : key));
}

/**
 * Zod issues as `{ path, message }` with dotted field paths (`email`, `address.city`). An unknown
 * key becomes one problem per key, named by its own path, so a client sees exactly what to drop.
 */
export function fieldProblemsOf(error: z.ZodError, root: string): FieldProblem[] {
  return error.issues.flatMap((issue) => {
    const path = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ path: path ? `${path}.${key}` : key, message: 'Unknown field' }));
    }
    return [{ path: path || root, message: readableMessage(issue) }];
  });
}
