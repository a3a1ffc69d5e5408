import type { Envelope, EventType } from '@msp/events';
import type { Db } from '@msp/platform';
import type { RecipientsRepository } from '../recipients/recipients.repository.js';
import type { RenderedEmail } from '../templates/email-template.js';

/** A rendered email and the template (name and version) it came from. */
export interface EventEmail {
  template: string;
  rendered: RenderedEmail;
}

/** An email ready to queue: where it goes and in which language it was written. */
export interface OutgoingEmail extends EventEmail {
  toAddress: string;
  /** The recipient's locale as comms knows it (e.g. `de-AT`), recorded with the delivery. */
  locale: string;
}

/** What turning an event into an email may use: the consumer's transaction and what comms knows. */
export interface EventEmailContext {
  /** The inbox transaction: whatever a handler records commits (or not) with the event's delivery. */
  tx: Db;
  recipients: RecipientsRepository;
  webUrl: string;
}

/**
 * Turns one consumed event into the email it sends, or undefined for an event that only updates what
 * comms knows. Runs inside the inbox transaction, so it runs once per event.
 */
export type EventEmailSource<T extends EventType> = (event: Envelope<T>, context: EventEmailContext) => Promise<OutgoingEmail | undefined>;
