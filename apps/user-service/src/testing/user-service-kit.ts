import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { createEnvelope, type Envelope, type EventData, type EventType } from '@msp/events';
import { createLogger, Inbox, MemoryCache, UnitOfWork, type Caller, type Db, type EventBus, type Subscription } from '@msp/platform';
import { asc, eq } from 'drizzle-orm';
import { AuthEventsConsumer } from '../consumers/auth-events.consumer.js';
import { USER_QUEUE } from '../consumers/user-inbox.js';
import { UserQueueConsumer } from '../consumers/user-queue.consumer.js';
import { inbox, outbox } from '../db/schema.js';
import { DirectoryRepository } from '../directory/directory.repository.js';
import { DirectoryService } from '../directory/directory.service.js';
import { ExportService } from '../export/export.service.js';
import { PreferencesRepository } from '../preferences/preferences.repository.js';
import { PreferencesService } from '../preferences/preferences.service.js';
import { UnsubscribeConsumer } from '../preferences/unsubscribe.consumer.js';
import { ProfileCache } from '../profiles/profile-cache.js';
import { ProfilesRepository } from '../profiles/profiles.repository.js';
import { ProfilesService } from '../profiles/profiles.service.js';

/**
 * The user service's classes wired by hand on a test's own migrated database, with the real unit of
 * work, inbox and an in-memory cache: what Nest wires in production, minus gRPC.
 */
export function userServiceKit(db: Db) {
  const unitOfWork = new UnitOfWork(db, outbox, 'user');
  const memoryCache = new MemoryCache();
  const cache = new ProfileCache(memoryCache, { profileCacheTtlSeconds: 60 });
  const profilesRepository = new ProfilesRepository(db);
  const directoryRepository = new DirectoryRepository(db);
  const preferencesRepository = new PreferencesRepository(db);
  const subscriptions: Subscription[] = [];
  const bus = { subscribe: async (subscription: Subscription) => void subscriptions.push(subscription) } as unknown as EventBus;
  const profiles = new ProfilesService(profilesRepository, directoryRepository, unitOfWork, cache);
  const preferences = new PreferencesService(preferencesRepository, profilesRepository, directoryRepository, unitOfWork);
  const userInbox = new Inbox(unitOfWork, inbox, USER_QUEUE);
  const consumer = new AuthEventsConsumer(userInbox, directoryRepository, profilesRepository, preferencesRepository, cache);
  // The log lines (JSON) kept, so a test can tell an event was ignored on purpose.
  const logged: Array<{ level: string; msg: string }> = [];
  const logLines = new Writable({
    write(chunk, _encoding, done) {
      logged.push(JSON.parse(String(chunk)) as { level: string; msg: string });
      done();
    },
  });
  const unsubscribes = new UnsubscribeConsumer(userInbox, preferences, createLogger('test', 'info', logLines));

  return {
    db,
    memoryCache,
    subscriptions,
    profilesRepository,
    directoryRepository,
    profiles,
    preferences,
    directory: new DirectoryService(directoryRepository, profilesRepository),
    exports: new ExportService(profilesRepository, preferencesRepository, directoryRepository),
    /** The auth events' consumer, as the user queue hands them over. */
    consumer,
    /** The user queue's one subscriber, routing each event to its feature. */
    queue: new UserQueueConsumer(bus, consumer, unsubscribes),
    /** What the unsubscribe consumer logged (level and message of each line). */
    logged,

    /** Signs a user up the way the auth service does: CreateProfile first. */
    async newUser(overrides: { displayName?: string; email?: string } = {}) {
      const userId = randomUUID();
      const email = overrides.email ?? `user-${userId}@example.test`;
      await profiles.create({ userId, email, displayName: overrides.displayName ?? 'Ada Lovelace', locale: 'en' });
      return { userId, email, caller: callerFor(userId) };
    },

    /** The envelopes this service recorded in its outbox, oldest first. */
    async recorded<T extends EventType>(type: T, subject: string): Promise<Array<Envelope<T>>> {
      const rows = await db.select({ envelope: outbox.envelope }).from(outbox).where(eq(outbox.type, type)).orderBy(asc(outbox.seq));
      return rows.map((row) => row.envelope as Envelope<T>).filter((envelope) => envelope.subject === subject);
    },

    close: () => memoryCache.close(),
  };
}

export type UserServiceKit = ReturnType<typeof userServiceKit>;

export function callerFor(userId: string, roles: string[] = ['customer']): Caller {
  return { userId, sessionId: randomUUID(), roles };
}

export const adminCaller = (): Caller => callerFor(randomUUID(), ['customer', 'admin']);

/** An auth event as the auth service publishes it, optionally stamped with another time. */
export function authEvent<T extends EventType>(type: T, data: EventData<T>, time?: Date): Envelope<T> {
  const envelope = createEnvelope({ type, source: 'auth', subject: (data as { userId?: string }).userId, data });
  return time ? { ...envelope, time: time.toISOString() } : envelope;
}
