import { randomUUID } from 'node:crypto';
import { createEnvelope, type Envelope, type EventData, type EventType } from '@msp/events';
import { createLogger, Inbox, UnitOfWork, type Caller, type Db, type EventBus, type Subscription } from '@msp/platform';
import { asc, eq } from 'drizzle-orm';
import type { CommsSettings } from '../comms-settings.js';
import { COMMS_QUEUE, CommsEventsConsumer } from '../consumers/comms-events.consumer.js';
import { EventOutcomes } from '../consumers/event-outcomes.js';
import { emailDeliveries, inbox, notifications, outbox, recipients } from '../db/schema.js';
import { DeliveriesRepository } from '../deliveries/deliveries.repository.js';
import { DeliveriesService } from '../deliveries/deliveries.service.js';
import { DeliveryDispatcher } from '../deliveries/delivery-dispatcher.js';
import { EmailQueue } from '../deliveries/email-queue.js';
import type { MailTransport, OutgoingMail } from '../deliveries/mail-transport.js';
import { NotificationsRepository } from '../notifications/notifications.repository.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { EmailPreferencesRepository } from '../recipients/email-preferences.repository.js';
import { RecipientsRepository } from '../recipients/recipients.repository.js';
import { SuppressionsRepository } from '../suppression/suppressions.repository.js';
import { UnsubscribeTokensRepository } from '../unsubscribe/unsubscribe-tokens.repository.js';
import { UnsubscribeService } from '../unsubscribe/unsubscribe.service.js';
import { AccountDeletion } from '../user-data/account-deletion.js';
import { UserDataService } from '../user-data/user-data.service.js';

export const testCommsSettings: CommsSettings = {
  mailFrom: 'MSP <no-reply@msp.test>',
  webUrl: 'https://web.test/app',
  apiPublicUrl: 'https://api.test',
  maxAttempts: 3,
  pollMs: 60_000,
};

/** A mail server stand-in: records what it was given, or fails every send with `failure` while it is set. */
export class FakeTransport implements MailTransport {
  readonly sent: OutgoingMail[] = [];
  closed = false;
  constructor(public failure?: unknown) {}

  async send(mail: OutgoingMail) {
    if (this.failure) throw this.failure;
    this.sent.push(mail);
  }
  close() {
    this.closed = true;
  }
}

/** An error as nodemailer reports an SMTP reply: `command` is what the server was answering. */
export const smtpError = (responseCode: number, message: string, command?: string) =>
  Object.assign(new Error(message), { responseCode, response: message, ...(command ? { command } : {}) });

export const callerFor = (userId: string, roles: string[] = ['customer']): Caller => ({ userId, sessionId: randomUUID(), roles });
export const adminCaller = (): Caller => callerFor(randomUUID(), ['customer', 'admin']);

/** An event as its service publishes it, optionally stamped with another time. */
export function eventOf<T extends EventType>(type: T, data: EventData<T>, time?: string): Envelope<T> {
  const envelope = createEnvelope({ type, source: type.split('.')[0]!, data });
  return time ? { ...envelope, time } : envelope;
}

/** A task assigned to `assigneeId`, as project-service publishes it. */
export const taskAssigned = (assigneeId: string) =>
  eventOf('task.assigned.v1', {
    taskId: randomUUID(),
    projectId: randomUUID(),
    projectName: 'Website Relaunch',
    taskKey: 'WEB-1',
    title: 'Write the launch post',
    assigneeId,
    assignedBy: randomUUID(),
    assignerName: 'Grace',
  });

/** An invitation of `email` into a project, as project-service publishes it. */
export const memberInvited = (email: string) =>
  eventOf('project.member.invited.v1', {
    invitationId: randomUUID(),
    projectId: randomUUID(),
    projectName: 'Website Relaunch',
    projectKey: 'WEB',
    email,
    role: 'member',
    invitedBy: randomUUID(),
    inviterName: 'Grace',
    token: 'inv_abcdefghijklmnopqrstuvwxyz0123',
    expiresAt: '2099-01-01T00:00:00.000Z',
  });

/**
 * The comms service wired by hand on a test's own migrated database, with the real inbox, unit of
 * work and repositories: the bus only records subscriptions and the consumer's dispatcher only counts
 * its pokes. `dispatcher(transport)` gives a real dispatcher over a fake mail server.
 */
export function commsConsumerKit(db: Db, settings: CommsSettings = testCommsSettings) {
  const subscriptions: Subscription[] = [];
  let pokes = 0;
  const bus = { subscribe: async (subscription: Subscription) => void subscriptions.push(subscription) } as unknown as EventBus;
  const pokeCounter = { poke: () => void pokes++ } as unknown as DeliveryDispatcher;
  const unitOfWork = new UnitOfWork(db, outbox, 'comms');
  const recipientsRepository = new RecipientsRepository(db);
  const preferences = new EmailPreferencesRepository(db);
  const suppressions = new SuppressionsRepository(db);
  const deliveries = new DeliveriesRepository(db);
  const tokens = new UnsubscribeTokensRepository(db);
  const notificationsRepository = new NotificationsRepository(db);
  const consumer = new CommsEventsConsumer(
    bus,
    new Inbox(unitOfWork, inbox, COMMS_QUEUE),
    new EventOutcomes(
      recipientsRepository,
      preferences,
      suppressions,
      new AccountDeletion(recipientsRepository, preferences, tokens, notificationsRepository, deliveries),
      settings,
    ),
    new EmailQueue(deliveries, preferences, tokens, settings),
    notificationsRepository,
    pokeCounter,
  );
  return {
    consumer,
    subscriptions,
    recipients: recipientsRepository,
    preferences,
    suppressions,
    deliveries,
    deliveriesService: new DeliveriesService(deliveries, pokeCounter),
    notifications: new NotificationsService(notificationsRepository),
    unsubscribes: new UnsubscribeService(tokens, preferences, unitOfWork),
    userData: new UserDataService(recipientsRepository, preferences, notificationsRepository, deliveries),
    /** How often the consumer has woken the dispatcher so far. */
    pokes: () => pokes,
    deliveriesOf: (eventId: string) => db.select().from(emailDeliveries).where(eq(emailDeliveries.eventId, eventId)),
    deliveryById: async (id: string) => (await db.select().from(emailDeliveries).where(eq(emailDeliveries.id, id)))[0],
    notificationsOf: (eventId: string) => db.select().from(notifications).where(eq(notifications.eventId, eventId)),
    /** Every notification a user has, whatever caused it. */
    notificationsOfUser: (userId: string) => db.select().from(notifications).where(eq(notifications.userId, userId)),
    recipientOf: async (userId: string) => (await db.select().from(recipients).where(eq(recipients.userId, userId)))[0],
    /** The envelopes comms recorded in its outbox about a subject, oldest first. */
    async recorded<T extends EventType>(type: T, subject: string): Promise<Array<Envelope<T>>> {
      const rows = await db.select({ envelope: outbox.envelope }).from(outbox).where(eq(outbox.type, type)).orderBy(asc(outbox.seq));
      return rows.map((row) => row.envelope as Envelope<T>).filter((envelope) => envelope.subject === subject);
    },
    /** A real dispatcher on this database, sending through `transport`. */
    dispatcher: (transport: MailTransport) =>
      new DeliveryDispatcher(deliveries, suppressions, unitOfWork, transport, settings, createLogger('test', 'silent')),

    /** Introduces a user to comms the way registration does; the address is unique to the test. */
    async registered(overrides: { displayName?: string; locale?: string; email?: string } = {}) {
      const userId = randomUUID();
      const email = overrides.email ?? `user-${userId}@example.test`;
      await consumer.handle(
        eventOf('auth.user.registered.v1', {
          userId,
          email,
          displayName: overrides.displayName ?? 'Ada',
          locale: overrides.locale ?? 'en',
        }),
      );
      return { userId, email };
    },
  };
}

export type CommsKit = ReturnType<typeof commsConsumerKit>;
