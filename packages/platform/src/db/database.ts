import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';

/**
 * The database handle repositories receive. Drizzle's node-postgres and PGlite drivers both produce
 * it, and so does a transaction, so the same repository code runs on PostgreSQL and PGlite and
 * inside or outside a transaction.
 */
export type Db = PgDatabase<PgQueryResultHKT>;

export interface DatabaseHandle {
  db: Db;
  /** Resolves when the database answers a trivial query. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
