import type { components } from './schema.js';

type Problem = components['schemas']['Problem'];

/** One entry of a problem's `errors`: the field (`path`, dots for nesting) and what is wrong with it. */
export type FieldProblem = NonNullable<Problem['errors']>[number];

function stringField(body: Record<string, unknown>, key: string): string | undefined {
  const value = body[key];
  return typeof value === 'string' ? value : undefined;
}

function fieldProblems(value: unknown): FieldProblem[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: unknown) => {
    if (typeof item !== 'object' || item === null) return [];
    const { path, message } = item as Record<string, unknown>;
    return typeof path === 'string' && typeof message === 'string' ? [{ path, message }] : [];
  });
}

/**
 * The well-formed fields of an error body, as the client hands it over (parsed JSON, or the raw text
 * when it was not JSON). The schema promises problem+json, but a proxy or load balancer in front of the
 * gateway may answer with HTML or nothing, so every field is optional and nothing here throws; each
 * app fills the gaps with its own defaults. `errors` is present only when it lists at least one field.
 */
export function readProblem(body: unknown): Partial<Problem> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return {};
  const raw = body as Record<string, unknown>;
  const problem: Partial<Problem> = {};
  for (const key of ['type', 'title', 'detail', 'code', 'correlationId'] as const) {
    const value = stringField(raw, key);
    if (value !== undefined) problem[key] = value;
  }
  if (typeof raw.status === 'number') problem.status = raw.status;
  const errors = fieldProblems(raw.errors);
  if (errors.length > 0) problem.errors = errors;
  return problem;
}
