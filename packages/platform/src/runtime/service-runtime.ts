import type { PGlite } from '@electric-sql/pglite';
import type { EventBus } from '../bus/event-bus.port.js';
import { RabbitEventBus } from '../bus/rabbit-event-bus.js';
import type { Cache } from '../cache/cache.port.js';
import { CountedCache } from '../cache/counted-cache.js';
import { MemoryCache } from '../cache/memory-cache.js';
import { RedisCache, redisKeyPrefix } from '../cache/redis-cache.js';
import type { Db, DatabaseHandle } from '../db/database.js';
import { openPglite, openPostgres } from '../db/open-database.js';
import type { InboxTable, OutboxTable } from '../db/transactional-tables.js';
import { HealthRegistry } from '../health/health-registry.js';
import type { Logger } from '../logging/logger.js';
import { Inbox } from '../outbox/inbox.js';
import { OutboxRelay } from '../outbox/outbox-relay.js';
import { UnitOfWork } from '../outbox/unit-of-work.js';

/** Infrastructure that embedded mode shares between the services of one process. */
export interface SharedInfrastructure {
  pglite?: PGlite;
  cache?: Cache;
  bus?: EventBus;
  /**
   * Outbox relays wait for this before publishing: the in-process bus delivers only to queues
   * already subscribed, so the launcher opens it once every service has started its consumers.
   */
  relayGate?: Promise<void>;
}

export interface ServiceRuntimeOptions {
  /** Service name: the events' `source`, the logs' `service`, the bus queue prefix. */
  service: string;
  /** The service's own PostgreSQL schema. */
  schema: string;
  migrationsFolder: string;
  outbox: OutboxTable;
  inbox: InboxTable;
  logger: Logger;
  /** Set in distributed mode; each replaces its embedded default. */
  databaseUrl?: string | undefined;
  redisUrl?: string | undefined;
  /** First segment of the service's Redis keys (`msp` unless REDIS_NAMESPACE says otherwise). */
  redisNamespace?: string | undefined;
  amqpUrl?: string | undefined;
  /** Redelivery delays of the RabbitMQ bus (its default when unset). */
  busRetryDelaysMs?: readonly number[] | undefined;
  shared?: SharedInfrastructure | undefined;
}

/** A service's opened infrastructure: what its Nest modules get injected. */
export interface ServiceRuntime {
  service: string;
  logger: Logger;
  db: Db;
  cache: Cache;
  bus: EventBus;
  health: HealthRegistry;
  unitOfWork: UnitOfWork;
  relay: OutboxRelay;
  relayGate: Promise<void> | undefined;
  /** An inbox for one consumer name (usually the service's queue). */
  inbox(consumer: string): Inbox;
  close(): Promise<void>;
}

/**
 * Opens the database (migrating it), cache and bus a service is configured for: a URL selects the
 * real server, its absence the embedded stand-in shared by the process.
 */
export async function openServiceRuntime(options: ServiceRuntimeOptions): Promise<ServiceRuntime> {
  const { logger, shared } = options;
  const database = await openDatabase(options);
  const ownsCache = options.redisUrl !== undefined || shared?.cache === undefined;
  const cache: Cache = options.redisUrl
    ? new RedisCache(options.redisUrl, { keyPrefix: redisKeyPrefix(options.redisNamespace, options.service), logger })
    : (shared?.cache ?? new MemoryCache());
  const ownsBus = options.amqpUrl !== undefined;
  let bus: EventBus;
  if (options.amqpUrl) bus = new RabbitEventBus({ url: options.amqpUrl, logger, retryDelaysMs: options.busRetryDelaysMs });
  else if (shared?.bus) bus = shared.bus;
  else throw new Error(`${options.service}: AMQP_URL is not set and no embedded bus was given`);

  const health = new HealthRegistry();
  health.register('database', () => database.ping());
  health.register('cache', () => cache.ping());
  health.register('bus', () => bus.ping());

  const unitOfWork = new UnitOfWork(database.db, options.outbox, options.service);
  const relay = new OutboxRelay(database.db, options.outbox, bus, logger, { service: options.service });
  unitOfWork.setListener(relay);

  return {
    service: options.service,
    logger,
    db: database.db,
    // Hits and misses are counted per service and cache name; the shared cache itself stays unwrapped.
    cache: new CountedCache(cache, options.service),
    bus,
    health,
    unitOfWork,
    relay,
    relayGate: shared?.relayGate,
    inbox: (consumer) => new Inbox(unitOfWork, options.inbox, consumer),
    close: async () => {
      if (ownsBus) await bus.close();
      if (ownsCache) await cache.close();
      await database.close();
    },
  };
}

async function openDatabase(options: ServiceRuntimeOptions): Promise<DatabaseHandle> {
  const databaseOptions = { schema: options.schema, migrationsFolder: options.migrationsFolder, logger: options.logger };
  if (options.databaseUrl) return openPostgres(options.databaseUrl, databaseOptions);
  if (options.shared?.pglite) return openPglite(options.shared.pglite, databaseOptions);
  throw new Error(`${options.service}: no database URL is set and no embedded database was given`);
}
