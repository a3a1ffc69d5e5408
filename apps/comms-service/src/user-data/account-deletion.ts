import type { Db } from '@msp/platform';
import { Injectable } from '@nestjs/common';
import { DeliveriesRepository } from '../deliveries/deliveries.repository.js';
import { NotificationsRepository } from '../notifications/notifications.repository.js';
import { EmailPreferencesRepository } from '../recipients/email-preferences.repository.js';
import { RecipientsRepository } from '../recipients/recipients.repository.js';
import { UnsubscribeTokensRepository } from '../unsubscribe/unsubscribe-tokens.repository.js';
import { anonymousAddressOf } from './anonymous-address.js';

/** The `auth.user.deleted.v1` event's part: who was deleted, at which address, when. */
export interface DeletedAccount {
  userId: string;
  /** The account's address when it was deleted. */
  email: string;
  at: Date;
}

/**
 * What a deleted account leaves behind in comms: nothing that names the person.
 *
 * - The recipient becomes a tombstone first (which also locks it): no later event about the user,
 *   whatever its time, writes to them again (see `EventOutcomes`).
 * - Their notifications, unsubscribe links and email switches are deleted.
 * - The delivery log keeps that their emails existed (template, status, times) under the anonymous
 *   address the user service gives deleted users, without subject or bodies; emails still queued are
 *   cancelled (failed, `account deleted`).
 *
 * Runs in the inbox transaction of the event; every step is idempotent, so a replay changes nothing.
 */
@Injectable()
export class AccountDeletion {
  constructor(
    private readonly recipients: RecipientsRepository,
    private readonly preferences: EmailPreferencesRepository,
    private readonly tokens: UnsubscribeTokensRepository,
    private readonly notifications: NotificationsRepository,
    private readonly deliveries: DeliveriesRepository,
  ) {}

  async apply(account: DeletedAccount, tx: Db): Promise<void> {
    const { userId } = account;
    const knownAddress = await this.recipients.forget(userId, account.at, tx);
    await this.notifications.deleteAllOf(userId, tx);
    await this.tokens.deleteAllOf(userId, tx);
    await this.preferences.deleteOf(userId, tx);
    // The event's address and the one comms knew them by differ only if an address change is still on its way.
    const addresses = knownAddress ? [account.email, knownAddress] : [account.email];
    await this.deliveries.anonymiseTo(userId, addresses, anonymousAddressOf(userId), tx);
  }
}
