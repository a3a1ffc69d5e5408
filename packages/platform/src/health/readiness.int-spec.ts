import { dropDatabases, realServers, TcpProxy, uniqueName } from '@msp/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RedisCache } from '../cache/redis-cache.js';
import { ensureDatabase } from '../db/open-database.js';
import pg from 'pg';
import { HealthRegistry } from './health-registry.js';
import { startOpsHttpServer } from './ops-http-server.js';

describe('readiness follows the real dependencies (PostgreSQL and Redis behind a TCP proxy)', () => {
  const database = uniqueName('msp_test_ready');
  const pgProxy = new TcpProxy('127.0.0.1', 5432);
  const redisProxy = new TcpProxy('127.0.0.1', 6379);
  let pool: pg.Pool;
  let cache: RedisCache;
  let ops: { port: number; close(): Promise<void> };

  beforeAll(async () => {
    await ensureDatabase(`${realServers.postgres}/${database}`);
    await pgProxy.start();
    await redisProxy.start();
    pool = new pg.Pool({ connectionString: pgProxy.wrap(`${realServers.postgres}/${database}`), connectionTimeoutMillis: 1_000 });
    pool.on('error', () => {});
    cache = new RedisCache(redisProxy.wrap(realServers.redis), { keyPrefix: `${database}:`, commandTimeoutMs: 500 });
    const health = new HealthRegistry(1_500);
    health.register('database', async () => void (await pool.query('select 1')));
    health.register('cache', () => cache.ping());
    ops = await startOpsHttpServer('127.0.0.1', 0, health);
  });

  afterAll(async () => {
    await ops?.close();
    await cache?.close().catch(() => {});
    await pool?.end().catch(() => {});
    await pgProxy.close();
    await redisProxy.close();
    await dropDatabases(database);
  });

  const ready = async () => {
    const response = await fetch(`http://127.0.0.1:${ops.port}/health/ready`);
    return { status: response.status, body: (await response.json()) as { checks: Record<string, { status: string }> } };
  };

  it('is ready while every dependency answers', async () => {
    expect((await ready()).status).toBe(200);
  });

  it('answers 503 naming the dependency that is cut, and recovers when it is back', async () => {
    pgProxy.cut();
    const down = await ready();
    expect(down.status).toBe(503);
    expect(down.body.checks.database?.status).toBe('down');
    expect(down.body.checks.cache?.status).toBe('ok');
    pgProxy.restore();
    await expect.poll(async () => (await ready()).status, { timeout: 10_000, interval: 200 }).toBe(200);

    redisProxy.cut();
    await expect.poll(async () => (await ready()).body.checks.cache?.status, { timeout: 10_000, interval: 200 }).toBe('down');
    redisProxy.restore();
    await expect.poll(async () => (await ready()).status, { timeout: 15_000, interval: 200 }).toBe(200);
  });

  it('stays live whatever the dependencies do', async () => {
    pgProxy.cut();
    expect((await fetch(`http://127.0.0.1:${ops.port}/health/live`)).status).toBe(200);
    pgProxy.restore();
  });
});
