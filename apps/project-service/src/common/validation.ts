import { decodeCursor, type FieldProblem, type KeysetPosition } from '@msp/platform';
import type { z } from 'zod';

/** Something that builds a feature's VALIDATION_FAILED error from the field problems found. */
export type InvalidInput = (fields: FieldProblem[]) => Error;

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Ids arrive as strings from the wire. One that is not a UUID names nothing, and must never reach the
 * database, where it would be a type error (500) instead of the 404 or 400 it deserves.
 */
export function isUuid(value: string): boolean {
  return uuidPattern.test(value);
}

/** Parses input with a zod schema, reporting every invalid field at once. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, invalid: InvalidInput): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw invalid(parsed.error.issues.map((issue) => ({ path: issue.path.join('.') || 'body', message: issue.message })));
}

/** The keyset position in a page cursor; an empty cursor is the first page, a malformed one a client error. */
export function cursorPosition(cursor: string, invalid: InvalidInput): KeysetPosition | undefined {
  const position = decodeCursor(cursor);
  if (cursor && (!position || !isUuid(position.id))) throw invalid([{ path: 'cursor', message: 'is invalid' }]);
  return position;
}
