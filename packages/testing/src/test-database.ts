import { createLogger, ensureDatabase, openEmbeddedEngine, openPglite, openPostgres, type Db } from '@msp/platform';
import pg from 'pg';
import { realServers, uniqueName } from './real-servers.js';

/** A service's schema, migrated, on a database of the test's own; `close` removes every trace of it. */
export interface TestDatabase {
  /** Which engine, for test titles: the same cases run on both. */
  readonly engine: 'PGlite' | 'PostgreSQL';
  readonly db: Db;
  close(): Promise<void>;
}

const logger = createLogger('test-database', 'silent');

/** An in-memory PGlite with the service's migrations applied the way the embedded platform does. */
export async function migratedPglite(schema: string, migrationsFolder: string): Promise<TestDatabase> {
  const engine = await openEmbeddedEngine('memory://');
  try {
    const handle = await openPglite(engine, { schema, migrationsFolder, logger });
    return { engine: 'PGlite', db: handle.db, close: () => engine.close() };
  } catch (error) {
    await engine.close();
    throw error;
  }
}

/**
 * A uniquely named PostgreSQL database on the test server, migrated the way a distributed service
 * migrates on start; `close` ends the pool and drops the database.
 *
 * Each test file gets a freshly migrated database rather than a clone of a shared template: vitest
 * isolates test files, so a template made "once per run" would be made once per file anyway, and
 * `create database … template` fails while any other session is connected to the template.
 */
export async function migratedPostgres(
  schema: string,
  migrationsFolder: string,
  options: { poolSize?: number } = {},
): Promise<TestDatabase & { url: string }> {
  const name = uniqueName('msp_test');
  const url = `${realServers.postgres}/${name}`;
  await ensureDatabase(url);
  try {
    const handle = await openPostgres(url, { schema, migrationsFolder, logger, poolSize: options.poolSize ?? 5 });
    return {
      engine: 'PostgreSQL',
      db: handle.db,
      url,
      close: async () => {
        await handle.close();
        await dropDatabase(name);
      },
    };
  } catch (error) {
    await dropDatabase(name);
    throw error;
  }
}

/** Drops exactly one database (test databases only), even if a connection was left open. */
export async function dropDatabase(name: string): Promise<void> {
  const client = new pg.Client({ connectionString: `${realServers.postgres}/postgres` });
  await client.connect();
  try {
    await client.query(`drop database if exists "${name.replaceAll('"', '""')}" with (force)`);
  } finally {
    await client.end();
  }
}
