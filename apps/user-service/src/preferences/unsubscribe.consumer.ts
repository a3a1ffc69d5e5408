import type { Envelope } from '@msp/events';
import { LOGGER, type Inbox, type Logger } from '@msp/platform';
import { Inject, Injectable } from '@nestjs/common';
import { USER_INBOX } from '../consumers/user-inbox.js';
import { PreferencesService } from './preferences.service.js';

/**
 * Records in the user's preferences that they used an email's unsubscribe link
 * (`comms.email.unsubscribed.v1`), once per event (inbox). Comms stopped that category already; this
 * makes the user's settings say so and publishes `user.preferences.updated.v1` like any change.
 */
@Injectable()
export class UnsubscribeConsumer {
  constructor(
    @Inject(USER_INBOX) private readonly inbox: Inbox,
    private readonly preferences: PreferencesService,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async handle(event: Envelope<'comms.email.unsubscribed.v1'>): Promise<void> {
    const { userId, category } = event.data;
    await this.inbox.processOnce(event.id, async (tx, events) => {
      const outcome = await this.preferences.turnOff(userId, category, tx, events);
      // Nothing to retry in these: the event asked for something that cannot or need not happen.
      if (outcome === 'locked_on')
        this.logger.warn({ userId, category, eventId: event.id }, 'unsubscribe from a category that cannot be turned off ignored');
      if (outcome === 'unknown_category')
        this.logger.warn({ userId, category, eventId: event.id }, 'unsubscribe from an unknown category ignored');
      if (outcome === 'no_profile') this.logger.info({ userId, eventId: event.id }, 'unsubscribe for a deleted or unknown account ignored');
    });
  }
}
