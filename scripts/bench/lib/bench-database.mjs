// The database a benchmark runs on: a fresh in-memory PGlite (the default, what `npm start` embeds)
// or, with BENCH_DATABASE_URL, a fresh database of its own on that PostgreSQL server (created here,
// dropped by `close`, so the benchmark never touches data it did not make). Either way the project
// service's migrations are applied exactly as the service applies them on start.
import { randomBytes } from 'node:crypto';
import { createLogger, ensureDatabase, openEmbeddedEngine, openPglite, openPostgres } from '@msp/platform';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';

const logger = createLogger('bench', 'silent');

/**
 * Opens a migrated database. `db` is a Drizzle instance that records every statement it sends, so the
 * benchmark can EXPLAIN exactly the SQL and parameters the service's own code produced.
 */
export async function openBenchDatabase({ schema, migrationsFolder, url = process.env.BENCH_DATABASE_URL }) {
  const recorded = [];
  const recorder = { logQuery: (query, params) => recorded.push({ query, params }) };
  const options = { schema, migrationsFolder, logger };
  const database = url ? await openPostgresDatabase(url, options, recorder) : await openPgliteDatabase(options, recorder);
  return {
    ...database,
    /** The statements sent while `work` ran, oldest first. */
    async statementsOf(work) {
      recorded.length = 0;
      const result = await work();
      return { result, statements: [...recorded] };
    },
  };
}

async function openPgliteDatabase(options, recorder) {
  const engine = await openEmbeddedEngine('memory://');
  await openPglite(engine, options);
  return {
    engine: 'PGlite',
    db: drizzlePglite({ client: engine, logger: recorder }),
    query: async (text, params = []) => (await engine.query(text, params)).rows,
    close: () => engine.close(),
  };
}

async function openPostgresDatabase(url, options, recorder) {
  const server = new URL(url);
  const name = `msp_bench_${randomBytes(4).toString('hex')}`;
  server.pathname = `/${name}`;
  await ensureDatabase(server.toString());
  try {
    // Two connections: migrations hold one for their advisory lock while running on the other.
    const migrated = await openPostgres(server.toString(), { ...options, poolSize: 2 });
    await migrated.close();
  } catch (error) {
    await dropDatabase(url, name);
    throw error;
  }
  // One connection: session settings (the random seed) and timings then belong to one backend.
  const pool = new pg.Pool({ connectionString: server.toString(), max: 1 });
  return {
    engine: 'PostgreSQL',
    db: drizzlePg({ client: pool, logger: recorder }),
    query: async (text, params = []) => (await pool.query(text, params)).rows,
    close: async () => {
      await pool.end();
      await dropDatabase(url, name);
    },
  };
}

async function dropDatabase(url, name) {
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`drop database if exists "${name}" with (force)`);
  } finally {
    await client.end();
  }
}
