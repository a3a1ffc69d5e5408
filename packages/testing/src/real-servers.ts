import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { testEnv } from './env.js';

/** The machine's servers (DESIGN: tests create uniquely named resources on them and remove them). */
export const realServers = {
  postgres: testEnv.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432',
  redis: testEnv.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
  amqpHost: testEnv.TEST_AMQP_HOST ?? 'amqp://guest:guest@127.0.0.1:5672',
};

export function uniqueName(prefix: string): string {
  return `${prefix}_${randomBytes(5).toString('hex')}`;
}

/** Drops databases whose names start with `prefix` (a test's own, made with uniqueName). */
export async function dropDatabases(prefix: string): Promise<void> {
  const client = new pg.Client({ connectionString: `${realServers.postgres}/postgres` });
  await client.connect();
  try {
    const result = await client.query<{ datname: string }>('select datname from pg_database where datname like $1', [`${prefix}%`]);
    for (const { datname } of result.rows) {
      await client.query(`drop database if exists "${datname.replaceAll('"', '""')}" with (force)`);
    }
  } finally {
    await client.end();
  }
}

/** A RabbitMQ vhost of the test's own; returns its AMQP URL and a function that deletes it. */
export function createVhost(prefix = 'msp-test'): { url: string; vhost: string; remove(): void } {
  const vhost = `${prefix}-${randomBytes(4).toString('hex')}`;
  rabbitmqctl('add_vhost', vhost);
  rabbitmqctl('set_permissions', '-p', vhost, 'guest', '.*', '.*', '.*');
  return { url: `${realServers.amqpHost}/${encodeURIComponent(vhost)}`, vhost, remove: () => rabbitmqctl('delete_vhost', vhost) };
}

export function rabbitmqctl(...args: string[]): string {
  return execFileSync('rabbitmqctl', ['--quiet', ...args], { encoding: 'utf8', timeout: 60_000 });
}
