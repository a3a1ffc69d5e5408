import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dropDatabases, realServers, TcpProxy, uniqueName } from '@msp/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../logging/logger.js';
import type { DatabaseHandle } from './database.js';
import { ensureDatabase, openPostgres } from './open-database.js';

describe('openPostgres when the connection dies (PostgreSQL behind a TCP proxy)', () => {
  const database = uniqueName('msp_test_pgcut');
  const proxy = new TcpProxy('127.0.0.1', Number(new URL(realServers.postgres).port || 5432));
  const migrations = mkdtempSync(join(tmpdir(), 'msp-no-migrations-'));
  let handle: DatabaseHandle;

  beforeAll(async () => {
    mkdirSync(join(migrations, 'meta'));
    writeFileSync(join(migrations, 'meta/_journal.json'), JSON.stringify({ version: '7', dialect: 'postgresql', entries: [] }));
    await ensureDatabase(`${realServers.postgres}/${database}`);
    await proxy.start();
    handle = await openPostgres(proxy.wrap(`${realServers.postgres}/${database}`), {
      schema: 'cut',
      migrationsFolder: migrations,
      logger: createLogger('test', 'silent'),
      poolSize: 2,
    });
  });

  afterAll(async () => {
    await handle?.close().catch(() => undefined);
    await proxy.close();
    await dropDatabases(database);
    rmSync(migrations, { recursive: true, force: true });
  });

  it('fails the transaction that held the connection, keeps the process alive, and recovers', async () => {
    // Cut between two queries of a transaction: the checked-out client errors while nobody queries.
    // Before the fix this was an unhandled 'error' event, which kills a service outright.
    const transaction = handle.db.transaction(async (tx) => {
      await tx.execute(sql`select 1`);
      proxy.cut();
      await new Promise((resolve) => setTimeout(resolve, 200));
      await tx.execute(sql`select 2`);
    });
    await expect(transaction).rejects.toThrow();
    await expect(handle.ping()).rejects.toThrow();
    proxy.restore();
    await expect(handle.ping()).resolves.toBeUndefined();
  });
});
