import { randomUUID } from 'node:crypto';
import type { Envelope } from '@msp/events';
import { EVENT_BUS, type EventBus, type Inbox } from '@msp/platform';
import { Inject, Injectable } from '@nestjs/common';
import { COMMS_SETTINGS, type CommsSettings } from '../comms-settings.js';
import { DeliveriesRepository } from '../deliveries/deliveries.repository.js';
import { DeliveryDispatcher } from '../deliveries/delivery-dispatcher.js';
import { RecipientsRepository } from '../recipients/recipients.repository.js';
import { CONSUMED_AUTH_EVENTS, emailFor, isConsumedAuthEvent, type ConsumedAuthEvent } from './auth-email-handlers.js';

export const COMMS_INBOX = Symbol('CommsInbox');
/** The comms service's durable queue: its replicas compete for its messages. */
export const COMMS_QUEUE = 'comms';

/** The part of every consumed auth event that is about its recipient. */
interface AboutRecipient {
  userId: string;
  email: string;
  displayName?: string;
  locale?: string;
}

/**
 * Turns auth events into queued deliveries. Each event is applied once (inbox) in the same transaction
 * that records what it says about its recipient and queues its email, and acknowledged only after that
 * commit; the dispatcher sends later. Nothing here calls another service: the event and the recipients
 * table hold all an email needs.
 */
@Injectable()
export class AuthEventsConsumer {
  constructor(
    @Inject(EVENT_BUS) private readonly bus: EventBus,
    @Inject(COMMS_INBOX) private readonly inbox: Inbox,
    private readonly deliveries: DeliveriesRepository,
    private readonly recipients: RecipientsRepository,
    private readonly dispatcher: DeliveryDispatcher,
    @Inject(COMMS_SETTINGS) private readonly settings: CommsSettings,
  ) {}

  async start(): Promise<void> {
    await this.bus.subscribe({
      queue: COMMS_QUEUE,
      events: [...CONSUMED_AUTH_EVENTS],
      handler: (event) => this.handle(event),
    });
  }

  async handle(event: Envelope): Promise<void> {
    if (!isConsumedAuthEvent(event.type)) return;
    const consumed = event as Envelope<ConsumedAuthEvent>;
    const data = consumed.data as AboutRecipient;
    let queued = false;
    await this.inbox.processOnce(event.id, async (tx) => {
      const recipient = await this.recipients.remember(
        { userId: data.userId, email: data.email, displayName: data.displayName, locale: data.locale, at: new Date(event.time) },
        tx,
      );
      const email = emailFor(consumed, { recipient, webUrl: this.settings.webUrl, occurredAt: event.time });
      if (!email) return;
      await this.deliveries.insert(
        {
          id: randomUUID(),
          eventId: event.id,
          // The address the event is about: a security notice goes where the account's mail went then.
          toAddress: data.email,
          template: email.template,
          locale: recipient.locale,
          subject: email.rendered.subject,
          textBody: email.rendered.text,
          htmlBody: email.rendered.html,
        },
        tx,
      );
      queued = true;
    });
    if (queued) this.dispatcher.poke();
  }
}
