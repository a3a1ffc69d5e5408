import type { Envelope } from '@msp/events';
import { EVENT_BUS, type EventBus } from '@msp/platform';
import { Inject, Injectable } from '@nestjs/common';
import { UnsubscribeConsumer } from '../preferences/unsubscribe.consumer.js';
import { CONSUMED_AUTH_EVENTS, isConsumedAuthEvent } from './account-event-effects.js';
import { AuthEventsConsumer } from './auth-events.consumer.js';
import { USER_QUEUE } from './user-inbox.js';

/** Every event the user queue takes: account facts from auth, unsubscribes from comms. */
export const CONSUMED_EVENTS = [...CONSUMED_AUTH_EVENTS, 'comms.email.unsubscribed.v1'] as const;

/**
 * The user queue's one subscription, handing each event to the feature that applies it. One, because
 * the consumers of a queue compete for all of its messages whatever their type: a second subscription
 * would be given events it does not handle.
 */
@Injectable()
export class UserQueueConsumer {
  constructor(
    @Inject(EVENT_BUS) private readonly bus: EventBus,
    private readonly accounts: AuthEventsConsumer,
    private readonly unsubscribes: UnsubscribeConsumer,
  ) {}

  async start(): Promise<void> {
    await this.bus.subscribe({ queue: USER_QUEUE, events: [...CONSUMED_EVENTS], handler: (event) => this.handle(event) });
  }

  async handle(event: Envelope): Promise<void> {
    if (isConsumedAuthEvent(event.type)) return this.accounts.handle(event);
    if (event.type === 'comms.email.unsubscribed.v1') return this.unsubscribes.handle(event as Envelope<'comms.email.unsubscribed.v1'>);
  }
}
