import { z } from 'zod';

/** `?limit=&cursor=` of every list: limit 1–100 (default 20); an absent or empty cursor is the first page. */
export const pageQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(1024).optional(),
});
export type PageQuery = z.output<typeof pageQuery>;

/** `{ items, nextCursor }`, nextCursor null on the last page. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

export const timestamp = z.iso.datetime().describe('ISO 8601, UTC');

/** A timestamp a service must always set; a missing one is a contract breach worth a loud 500. */
export function isoOf(date: Date | undefined, field: string): string {
  if (!date) throw new Error(`service response lacks ${field}`);
  return date.toISOString();
}

export function isoOrNull(date: Date | undefined): string | null {
  return date ? date.toISOString() : null;
}

/** proto3 cannot tell "empty" from "absent"; the HTTP API says null. */
export function emptyToNull(value: string): string | null {
  return value === '' ? null : value;
}

/** A value a service must take from a known set; anything else is a contract breach (a loud 500). */
export function knownValueOf<const T extends string>(values: readonly T[], value: string, field: string): T {
  const known = values.find((candidate) => candidate === value);
  if (known === undefined) throw new Error(`service answered an unknown ${field}: ${value}`);
  return known;
}

/** `{ items }` of a service that lists everything at once, in the list shape of every other list. */
export function wholeListOf<T>(items: T[]): { items: T[]; nextCursor: null } {
  return { items, nextCursor: null };
}
