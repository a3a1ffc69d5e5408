import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import type { Logger } from '../logging/logger.js';
import type { Db, DatabaseHandle } from './database.js';

export interface DatabaseOptions {
  /** The service's own schema, where its tables live. */
  schema: string;
  /** Folder of the SQL migrations drizzle-kit generated for this service. */
  migrationsFolder: string;
  logger: Logger;
}

// The journal lives outside the service's schema (its first migration creates that schema) and is
// named per service, because in embedded mode the services share one database.
const migrationConfig = (options: DatabaseOptions) => ({
  migrationsFolder: options.migrationsFolder,
  migrationsSchema: 'drizzle',
  migrationsTable: `${options.schema}_migrations`,
});

/** Opens a PostgreSQL database by URL and brings its schema up to date (one replica at a time). */
export async function openPostgres(url: string, options: DatabaseOptions & { poolSize?: number }): Promise<DatabaseHandle> {
  const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10 });
  pool.on('error', (error) => options.logger.warn({ err: error }, 'idle database connection failed'));
  // The pool listens for errors only on idle clients. A checked-out client whose connection dies
  // between two queries (inside a transaction, say) emits 'error' itself, and with no listener that
  // kills the process; its caller learns of the failure from the next query, and the pool drops it.
  pool.on('connect', (client) =>
    client.on('error', (error) => options.logger.debug({ err: error }, 'database connection failed while checked out')),
  );
  const db = drizzlePg({ client: pool }) as unknown as Db;

  // Replicas starting together must not run the same migration twice: an advisory lock held on one
  // connection serializes them while the migration itself runs through the pool.
  const lockClient = await pool.connect();
  try {
    await lockClient.query('select pg_advisory_lock(hashtext($1))', [`msp-migrate-${options.schema}`]);
    await migratePg(drizzlePg({ client: pool }), migrationConfig(options));
  } finally {
    await lockClient.query('select pg_advisory_unlock(hashtext($1))', [`msp-migrate-${options.schema}`]).catch(() => {});
    lockClient.release();
  }

  return {
    db,
    ping: async () => {
      await pool.query('select 1');
    },
    close: () => pool.end(),
  };
}

/**
 * Gives a service its view of the shared embedded PGlite instance. Each service still owns its own
 * schema and migrations; only the engine is shared, because one WASM PostgreSQL costs ~300 MB.
 */
export async function openPglite(client: PGlite, options: DatabaseOptions): Promise<DatabaseHandle> {
  const db = drizzlePglite({ client });
  await migratePglite(db, migrationConfig(options));
  return {
    db: db as unknown as Db,
    ping: async () => {
      await db.execute(sql`select 1`);
    },
    // The shared instance is closed by whoever opened it, after every service has stopped.
    close: async () => {},
  };
}

/** Opens (creating on first use) the embedded database engine persisted in `dataDir`. */
export async function openEmbeddedEngine(dataDir: string): Promise<PGlite> {
  return PGlite.create({ dataDir });
}

/** Creates the database named in `url` when it does not exist yet (distributed mode's first start). */
export async function ensureDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  if (!name) throw new Error(`database URL ${target.origin} names no database`);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const exists = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (exists.rowCount === 0) {
      await client.query(`create database "${name.replaceAll('"', '""')}"`).catch((error: { code?: string }) => {
        if (error.code !== '42P04') throw error; // created by a concurrent starter
      });
    }
  } finally {
    await client.end();
  }
}
