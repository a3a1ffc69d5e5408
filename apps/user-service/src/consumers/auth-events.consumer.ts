import type { Envelope } from '@msp/events';
import { EVENT_BUS, type EventBus, type Inbox } from '@msp/platform';
import { Inject, Injectable } from '@nestjs/common';
import { DirectoryRepository } from '../directory/directory.repository.js';
import { PreferencesRepository } from '../preferences/preferences.repository.js';
import { ProfileCache } from '../profiles/profile-cache.js';
import { ProfilesRepository } from '../profiles/profiles.repository.js';
import { applyAuthEvent, CONSUMED_AUTH_EVENTS, isConsumedAuthEvent, type ConsumedAuthEvent } from './account-event-effects.js';

export const USER_INBOX = Symbol('UserInbox');
/** The user service's durable queue: its replicas compete for its messages. */
export const USER_QUEUE = 'user';

/**
 * Keeps the directory's copy of account facts from auth events and anonymises deleted accounts.
 * Each event is applied once (inbox) in one transaction with its effect, and acknowledged only after
 * that commit; the profile cache is invalidated after the commit, never before.
 */
@Injectable()
export class AuthEventsConsumer {
  constructor(
    @Inject(EVENT_BUS) private readonly bus: EventBus,
    @Inject(USER_INBOX) private readonly inbox: Inbox,
    private readonly directory: DirectoryRepository,
    private readonly profiles: ProfilesRepository,
    private readonly preferences: PreferencesRepository,
    private readonly cache: ProfileCache,
  ) {}

  async start(): Promise<void> {
    await this.bus.subscribe({ queue: USER_QUEUE, events: [...CONSUMED_AUTH_EVENTS], handler: (event) => this.handle(event) });
  }

  async handle(event: Envelope): Promise<void> {
    if (!isConsumedAuthEvent(event.type)) return;
    const consumed = event as Envelope<ConsumedAuthEvent>;
    let profileChanged = false;
    await this.inbox.processOnce(event.id, async (tx, events) => {
      const context = {
        directory: this.directory,
        profiles: this.profiles,
        preferences: this.preferences,
        tx,
        events,
        at: new Date(event.time),
      };
      profileChanged = await applyAuthEvent(consumed.type, consumed.data, context);
    });
    if (profileChanged) await this.cache.invalidate(consumed.data.userId);
  }
}
