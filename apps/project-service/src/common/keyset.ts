import type { KeysetPosition } from '@msp/platform';
import { sql, type AnyColumn, type SQL } from 'drizzle-orm';

/**
 * Rows after `position` in (created_at desc, id desc) order. A row comparison, not an OR of two
 * conditions, so PostgreSQL can start the index scan at the position instead of filtering up to it.
 */
export function olderThan(createdAt: AnyColumn, id: AnyColumn, position: KeysetPosition | undefined): SQL | undefined {
  return position ? sql`(${createdAt}, ${id}) < (${position.at}::timestamptz, ${position.id}::uuid)` : undefined;
}

/** Rows after `position` in (created_at, id) order: oldest first. */
export function newerThan(createdAt: AnyColumn, id: AnyColumn, position: KeysetPosition | undefined): SQL | undefined {
  return position ? sql`(${createdAt}, ${id}) > (${position.at}::timestamptz, ${position.id}::uuid)` : undefined;
}
