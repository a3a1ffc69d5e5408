/**
 * Keyset pagination cursors: the sort key of the last row of a page, opaque to clients
 * (base64url JSON). A cursor that does not decode is treated as a client error by the caller.
 */
export interface KeysetPosition {
  /** ISO timestamp of the last row's sort column. */
  at: string;
  id: string;
}

export function encodeCursor(position: KeysetPosition): string {
  return Buffer.from(JSON.stringify([position.at, position.id])).toString('base64url');
}

export function decodeCursor(cursor: string): KeysetPosition | undefined {
  if (!cursor) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!Array.isArray(value) || value.length !== 2) return undefined;
    const [at, id] = value as unknown[];
    if (typeof at !== 'string' || typeof id !== 'string' || Number.isNaN(Date.parse(at))) return undefined;
    return { at, id };
  } catch {
    return undefined;
  }
}

/** Clamps a requested page size to the API's rules: default 20, at most 100. */
export function pageSize(requested: number | undefined, fallback = 20, max = 100): number {
  if (!requested || requested < 1) return fallback;
  return Math.min(requested, max);
}

/**
 * Turns `size + 1` rows fetched after a cursor into a page: the extra row only says that another
 * page exists, and the cursor points after the last row shown. An empty cursor means no more pages.
 */
export function toPage<T extends { id: string; createdAt: Date }>(rows: T[], size: number): { items: T[]; nextCursor: string } {
  const items = rows.slice(0, size);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > size && last ? encodeCursor({ at: last.createdAt.toISOString(), id: last.id }) : '' };
}
