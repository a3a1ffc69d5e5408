import type { Envelope, EventType } from '@msp/events';
import type { Db } from '@msp/platform';
import { Inject, Injectable } from '@nestjs/common';
import { COMMS_SETTINGS, type CommsSettings } from '../comms-settings.js';
import { EmailPreferencesRepository } from '../recipients/email-preferences.repository.js';
import { RecipientsRepository } from '../recipients/recipients.repository.js';
import { SuppressionsRepository } from '../suppression/suppressions.repository.js';
import { AccountDeletion } from '../user-data/account-deletion.js';
import { authEventHandlers } from './auth-event-handlers.js';
import { billingEventHandlers } from './billing-event-handlers.js';
import type { EventHandler, EventOutcome } from './event-outcome.js';
import { projectEventHandlers } from './project-event-handlers.js';
import { userEventHandlers } from './user-event-handlers.js';

const handlers = { ...authEventHandlers, ...userEventHandlers, ...projectEventHandlers, ...billingEventHandlers };

export type ConsumedEvent = keyof typeof handlers;

/** Every event the comms queue takes, from every service: the bus routes to the queue by these. */
export const CONSUMED_EVENTS = Object.keys(handlers) as ConsumedEvent[];

export function isConsumedEvent(type: string): type is ConsumedEvent {
  return Object.hasOwn(handlers, type);
}

/** Decides what an event asks of comms, with what comms knows; runs inside the event's inbox transaction. */
@Injectable()
export class EventOutcomes {
  constructor(
    private readonly recipients: RecipientsRepository,
    private readonly preferences: EmailPreferencesRepository,
    private readonly suppressions: SuppressionsRepository,
    private readonly deletions: AccountDeletion,
    @Inject(COMMS_SETTINGS) private readonly settings: CommsSettings,
  ) {}

  async of(event: Envelope<ConsumedEvent>, tx: Db): Promise<EventOutcome> {
    // The map pairs each type with its own handler; TypeScript cannot follow that through an index.
    const handler = handlers[event.type] as EventHandler<EventType>;
    const outcome = await handler(event, {
      tx,
      recipients: this.recipients,
      preferences: this.preferences,
      suppressions: this.suppressions,
      deletions: this.deletions,
      webUrl: this.settings.webUrl,
    });
    return this.withoutDeletedAccounts(outcome, tx);
  }

  /**
   * Nothing is written to or for a deleted account, whatever the event: one from before the deletion
   * can arrive after it (retries, replays), and would otherwise leave a notification or email behind.
   */
  private async withoutDeletedAccounts({ email, notification }: EventOutcome, tx: Db): Promise<EventOutcome> {
    const deleted = async (userId: string | null | undefined) => !!userId && (await this.recipients.isDeleted(userId, tx));
    return {
      ...(email && !(await deleted(email.userId)) && { email }),
      ...(notification && !(await deleted(notification.userId)) && { notification }),
    };
  }
}
