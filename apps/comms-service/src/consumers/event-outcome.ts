import type { Envelope, EventType } from '@msp/events';
import type { Db } from '@msp/platform';
import type { NotificationType } from '../notifications/notification-texts.js';
import type { EmailPreferencesRepository } from '../recipients/email-preferences.repository.js';
import type { RecipientsRepository } from '../recipients/recipients.repository.js';
import type { SuppressionsRepository } from '../suppression/suppressions.repository.js';
import type { EmailTemplateId, RenderedEmail } from '../templates/email-template.js';
import type { AccountDeletion } from '../user-data/account-deletion.js';

/** Links the queue adds to an email it renders; none for security emails and mail to non-users. */
export interface EmailLinks {
  /** `${webUrl}/unsubscribe?token=…` for the body. */
  unsubscribe?: string | undefined;
}

/**
 * An email an event asks for. Whether it goes (preferences) and its unsubscribe link are decided by
 * the queue, in one place for every template; the handler only knows what to say.
 */
export interface PlannedEmail {
  template: EmailTemplateId;
  toAddress: string;
  /** The account it is written to: its preferences apply. Null for an address without an account. */
  userId: string | null;
  /** The recipient's locale as comms knows it (e.g. `de-AT`), recorded with the delivery. */
  locale: string;
  render(links: EmailLinks): RenderedEmail;
}

/** An in-app notification, already written in its recipient's language. */
export interface PlannedNotification {
  userId: string;
  type: NotificationType;
  title: string;
  body: string;
  /** A path in the web app; empty when there is nowhere to go. */
  link: string;
}

/** What one event asks of comms; an event that only updates what comms knows asks nothing. */
export interface EventOutcome {
  email?: PlannedEmail;
  notification?: PlannedNotification;
}

/** What handling an event may use: the inbox transaction and what comms knows. */
export interface EventContext {
  /** The inbox transaction: whatever a handler records commits (or not) with the event's effects. */
  tx: Db;
  recipients: RecipientsRepository;
  preferences: EmailPreferencesRepository;
  suppressions: SuppressionsRepository;
  deletions: AccountDeletion;
  webUrl: string;
}

/** Runs inside the inbox transaction, so once per event. */
export type EventHandler<T extends EventType> = (event: Envelope<T>, context: EventContext) => Promise<EventOutcome>;

/** One handler per event type of a family: the keys are the types the comms queue subscribes to. */
export type EventHandlers<T extends EventType> = { [K in T]: EventHandler<K> };

export const NOTHING: EventOutcome = {};
