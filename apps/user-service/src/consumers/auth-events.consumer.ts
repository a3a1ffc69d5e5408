import type { Envelope } from '@msp/events';
import type { Inbox } from '@msp/platform';
import { Inject, Injectable } from '@nestjs/common';
import { DirectoryRepository } from '../directory/directory.repository.js';
import { PreferencesRepository } from '../preferences/preferences.repository.js';
import { ProfileCache } from '../profiles/profile-cache.js';
import { ProfilesRepository } from '../profiles/profiles.repository.js';
import { applyAuthEvent, isConsumedAuthEvent, type ConsumedAuthEvent } from './account-event-effects.js';
import { USER_INBOX } from './user-inbox.js';

/**
 * Keeps the directory's copy of account facts from auth events and anonymises deleted accounts.
 * Each event is applied once (inbox) in one transaction with its effect, and acknowledged only after
 * that commit; the profile cache is invalidated after the commit, never before.
 */
@Injectable()
export class AuthEventsConsumer {
  constructor(
    @Inject(USER_INBOX) private readonly inbox: Inbox,
    private readonly directory: DirectoryRepository,
    private readonly profiles: ProfilesRepository,
    private readonly preferences: PreferencesRepository,
    private readonly cache: ProfileCache,
  ) {}

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
