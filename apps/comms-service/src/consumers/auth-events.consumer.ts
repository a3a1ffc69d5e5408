import { randomUUID } from 'node:crypto';
import type { Envelope } from '@msp/events';
import { EVENT_BUS, type EventBus, type Inbox } from '@msp/platform';
import { Inject, Injectable } from '@nestjs/common';
import { COMMS_SETTINGS, type CommsSettings } from '../comms-settings.js';
import { DeliveriesRepository } from '../deliveries/deliveries.repository.js';
import { DeliveryDispatcher } from '../deliveries/delivery-dispatcher.js';
import { renderVerifyEmail, VERIFY_EMAIL_TEMPLATE } from '../templates/verify-email.template.js';

export const COMMS_INBOX = Symbol('CommsInbox');
/** The comms service's durable queue: its replicas compete for its messages. */
export const COMMS_QUEUE = 'comms';

/**
 * Turns events into queued deliveries. Each event is applied once (inbox) in the same transaction
 * that queues its email, and acknowledged only after that commit; the dispatcher sends later.
 */
@Injectable()
export class AuthEventsConsumer {
  constructor(
    @Inject(EVENT_BUS) private readonly bus: EventBus,
    @Inject(COMMS_INBOX) private readonly inbox: Inbox,
    private readonly deliveries: DeliveriesRepository,
    private readonly dispatcher: DeliveryDispatcher,
    @Inject(COMMS_SETTINGS) private readonly settings: CommsSettings,
  ) {}

  async start(): Promise<void> {
    await this.bus.subscribe({
      queue: COMMS_QUEUE,
      events: ['auth.email_verification.requested.v1'],
      handler: (event) => this.handle(event),
    });
  }

  async handle(event: Envelope): Promise<void> {
    if (event.type !== 'auth.email_verification.requested.v1') return;
    const data = event.data as Envelope<'auth.email_verification.requested.v1'>['data'];
    const link = new URL('/verify-email', this.settings.webUrl);
    link.searchParams.set('token', data.token);
    const email = renderVerifyEmail({ displayName: data.displayName, link: link.toString(), locale: data.locale });
    const queued = await this.inbox.processOnce(event.id, async (tx) => {
      await this.deliveries.insert(
        {
          id: randomUUID(),
          eventId: event.id,
          toAddress: data.email,
          template: VERIFY_EMAIL_TEMPLATE,
          locale: data.locale,
          subject: email.subject,
          textBody: email.text,
          htmlBody: email.html,
        },
        tx,
      );
    });
    if (queued) this.dispatcher.poke();
  }
}
