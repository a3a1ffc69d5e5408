import { randomUUID } from 'node:crypto';
import type { Envelope, EventType } from '@msp/events';
import { EVENT_BUS, type EventBus, type Inbox } from '@msp/platform';
import { Inject, Injectable } from '@nestjs/common';
import { COMMS_SETTINGS, type CommsSettings } from '../comms-settings.js';
import { DeliveriesRepository } from '../deliveries/deliveries.repository.js';
import { DeliveryDispatcher } from '../deliveries/delivery-dispatcher.js';
import { RecipientsRepository } from '../recipients/recipients.repository.js';
import { authEventEmail, CONSUMED_AUTH_EVENTS, isConsumedAuthEvent } from './auth-email-handlers.js';
import type { EventEmailSource } from './event-email.js';
import { CONSUMED_PROJECT_EVENTS, isConsumedProjectEvent, projectEventEmail } from './project-email-handlers.js';

export const COMMS_INBOX = Symbol('CommsInbox');
/** The comms service's durable queue: its replicas compete for its messages. */
export const COMMS_QUEUE = 'comms';

/** Every event the comms queue takes, from every service. */
export const CONSUMED_EVENTS = [...CONSUMED_AUTH_EVENTS, ...CONSUMED_PROJECT_EVENTS] as const;

/** Which email source handles an event type; undefined for one comms does not consume. */
function emailSourceFor(type: string): EventEmailSource<EventType> | undefined {
  // Each family's source accepts exactly the types its guard admits.
  if (isConsumedAuthEvent(type)) return authEventEmail as EventEmailSource<EventType>;
  if (isConsumedProjectEvent(type)) return projectEventEmail as EventEmailSource<EventType>;
  return undefined;
}

/**
 * Turns events into queued deliveries. Each event is applied once (inbox) in the same transaction
 * that records what it says about its recipient and queues its email, and acknowledged only after that
 * commit; the dispatcher sends later. Nothing here calls another service: the event and the recipients
 * table hold all an email needs.
 */
@Injectable()
export class CommsEventsConsumer {
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
      events: [...CONSUMED_EVENTS],
      handler: (event) => this.handle(event),
    });
  }

  async handle(event: Envelope): Promise<void> {
    const source = emailSourceFor(event.type);
    if (!source) return;
    let queued = false;
    await this.inbox.processOnce(event.id, async (tx) => {
      const email = await source(event, { tx, recipients: this.recipients, webUrl: this.settings.webUrl });
      if (!email) return;
      await this.deliveries.insert(
        {
          id: randomUUID(),
          eventId: event.id,
          toAddress: email.toAddress,
          template: email.template,
          locale: email.locale,
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
