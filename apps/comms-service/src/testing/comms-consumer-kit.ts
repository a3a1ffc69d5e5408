import { Inbox, UnitOfWork, type Db, type EventBus, type Subscription } from '@msp/platform';
import { eq } from 'drizzle-orm';
import type { CommsSettings } from '../comms-settings.js';
import { COMMS_QUEUE, CommsEventsConsumer } from '../consumers/comms-events.consumer.js';
import { emailDeliveries, inbox, outbox, recipients } from '../db/schema.js';
import { DeliveriesRepository } from '../deliveries/deliveries.repository.js';
import type { DeliveryDispatcher } from '../deliveries/delivery-dispatcher.js';
import { RecipientsRepository } from '../recipients/recipients.repository.js';

export const testCommsSettings: CommsSettings = {
  mailFrom: 'MSP <no-reply@msp.test>',
  webUrl: 'https://web.test/app',
  maxAttempts: 3,
  pollMs: 60_000,
};

/**
 * The comms consumer wired by hand on a test's own migrated database, with the real inbox and
 * repositories; the bus only records subscriptions and the dispatcher only counts its pokes.
 */
export function commsConsumerKit(db: Db, settings: CommsSettings = testCommsSettings) {
  const subscriptions: Subscription[] = [];
  let pokes = 0;
  const bus = { subscribe: async (subscription: Subscription) => void subscriptions.push(subscription) } as unknown as EventBus;
  const dispatcher = { poke: () => void pokes++ } as unknown as DeliveryDispatcher;
  const consumer = new CommsEventsConsumer(
    bus,
    new Inbox(new UnitOfWork(db, outbox, 'comms'), inbox, COMMS_QUEUE),
    new DeliveriesRepository(db),
    new RecipientsRepository(db),
    dispatcher,
    settings,
  );
  return {
    consumer,
    subscriptions,
    /** How often the consumer has woken the dispatcher so far. */
    pokes: () => pokes,
    deliveriesOf: (eventId: string) => db.select().from(emailDeliveries).where(eq(emailDeliveries.eventId, eventId)),
    recipientOf: async (userId: string) => (await db.select().from(recipients).where(eq(recipients.userId, userId)))[0],
  };
}
