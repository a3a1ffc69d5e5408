import type { Caller } from '@msp/platform';
import { Injectable } from '@nestjs/common';
import { CommsError } from '../comms.errors.js';
import { DeliveriesRepository, type ExportedDelivery } from '../deliveries/deliveries.repository.js';
import { NotificationsRepository, type NotificationEntry } from '../notifications/notifications.repository.js';
import { EmailPreferencesRepository } from '../recipients/email-preferences.repository.js';
import { RecipientsRepository, type RecipientRecord } from '../recipients/recipients.repository.js';

/** Of a user's notifications and emails, the export holds the newest this many of each. */
export const EXPORT_LIST_LIMIT = 1_000;

/** A list the export bounds: `truncated` says older entries exist beyond `items`. */
export interface BoundedList<T> {
  items: T[];
  truncated: boolean;
}

/**
 * The comms service's part of a data export; the gateway gathers the other services' parts. The
 * section names are comms' own: none of them is shaped like another service's section of that name.
 */
export interface CommsDataExport {
  /** Whom comms writes to and how, as kept from events; null when it has heard of nobody. */
  emailRecipient: RecipientRecord | null;
  /** Comms' copy of the user's email switches (unsubscribes land here first); null when never chosen. */
  emailPreferences: { email: Record<string, boolean>; updatedAt: Date } | null;
  notifications: BoundedList<NotificationEntry>;
  /** The delivery log's entries of emails to the user; the bodies are left out, as they carry one-time tokens. */
  emailDeliveries: BoundedList<ExportedDelivery>;
}

/** Everything the comms service holds about the caller, read from the database. */
@Injectable()
export class UserDataService {
  constructor(
    private readonly recipients: RecipientsRepository,
    private readonly preferences: EmailPreferencesRepository,
    private readonly notifications: NotificationsRepository,
    private readonly deliveries: DeliveriesRepository,
  ) {}

  async export(caller: Caller | undefined): Promise<CommsDataExport> {
    if (!caller) throw new CommsError('UNAUTHENTICATED', 'Sign in first.');
    const { userId } = caller;
    const recipient = await this.recipients.findRecord(userId);
    // One more than the limit tells whether there are more.
    const [preferences, notifications, deliveries] = await Promise.all([
      this.preferences.find(userId),
      this.notifications.newestOf(userId, EXPORT_LIST_LIMIT + 1),
      this.deliveries.newestTo(userId, recipient ? [recipient.email] : [], EXPORT_LIST_LIMIT + 1),
    ]);
    return {
      emailRecipient: recipient ?? null,
      emailPreferences: preferences ?? null,
      notifications: bounded(notifications),
      emailDeliveries: bounded(deliveries),
    };
  }
}

function bounded<T>(rows: T[]): BoundedList<T> {
  return { items: rows.slice(0, EXPORT_LIST_LIMIT), truncated: rows.length > EXPORT_LIST_LIMIT };
}
