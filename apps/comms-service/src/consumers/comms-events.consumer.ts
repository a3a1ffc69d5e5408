import { randomUUID } from 'node:crypto';
import type { Envelope } from '@msp/events';
import { EVENT_BUS, type EventBus, type Inbox } from '@msp/platform';
import { Inject, Injectable } from '@nestjs/common';
import { DeliveryDispatcher } from '../deliveries/delivery-dispatcher.js';
import { EmailQueue } from '../deliveries/email-queue.js';
import { NotificationsRepository } from '../notifications/notifications.repository.js';
import { CONSUMED_EVENTS, EventOutcomes, isConsumedEvent } from './event-outcomes.js';

export const COMMS_INBOX = Symbol('CommsInbox');
/** The comms service's durable queue: its replicas compete for its messages. */
export const COMMS_QUEUE = 'comms';

export { CONSUMED_EVENTS };

/**
 * Turns events into queued deliveries and in-app notifications. Each event is applied once (inbox) in
 * the same transaction that records what it says about its recipient, queues its email and writes
 * its notification, and is acknowledged only after that commit; the dispatcher sends later. Nothing
 * here calls another service: the event and what comms kept from earlier events hold all it needs.
 */
@Injectable()
export class CommsEventsConsumer {
  constructor(
    @Inject(EVENT_BUS) private readonly bus: EventBus,
    @Inject(COMMS_INBOX) private readonly inbox: Inbox,
    private readonly outcomes: EventOutcomes,
    private readonly emails: EmailQueue,
    private readonly notifications: NotificationsRepository,
    private readonly dispatcher: DeliveryDispatcher,
  ) {}

  async start(): Promise<void> {
    // One subscription for every event: replicas of one queue share its messages, whatever their type.
    await this.bus.subscribe({ queue: COMMS_QUEUE, events: [...CONSUMED_EVENTS], handler: (event) => this.handle(event) });
  }

  async handle(event: Envelope): Promise<void> {
    if (!isConsumedEvent(event.type)) return;
    const consumed = event as Envelope<typeof event.type>;
    let queued = false;
    await this.inbox.processOnce(event.id, async (tx) => {
      const { email, notification } = await this.outcomes.of(consumed, tx);
      if (email) queued = await this.emails.queue(email, event.id, tx);
      if (notification) await this.notifications.insert({ id: randomUUID(), eventId: event.id, ...notification }, tx);
    });
    if (queued) this.dispatcher.poke();
  }
}
