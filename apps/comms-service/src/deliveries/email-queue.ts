import { randomUUID } from 'node:crypto';
import type { Db } from '@msp/platform';
import { Inject, Injectable } from '@nestjs/common';
import { COMMS_SETTINGS, type CommsSettings } from '../comms-settings.js';
import type { PlannedEmail } from '../consumers/event-outcome.js';
import { EmailPreferencesRepository } from '../recipients/email-preferences.repository.js';
import { isOptional } from '../templates/email-template.js';
import { unsubscribeLinks, type UnsubscribeLinks } from '../unsubscribe/unsubscribe-links.js';
import { UnsubscribeTokensRepository } from '../unsubscribe/unsubscribe-tokens.repository.js';
import { DeliveriesRepository } from './deliveries.repository.js';

/**
 * Where the rules every email follows live, whatever its template: an email a user can turn off
 * (any category but security) is not queued when they did, and otherwise carries a fresh unsubscribe
 * token in its body and in its `List-Unsubscribe` header. Security emails always go.
 */
@Injectable()
export class EmailQueue {
  constructor(
    private readonly deliveries: DeliveriesRepository,
    private readonly preferences: EmailPreferencesRepository,
    private readonly tokens: UnsubscribeTokensRepository,
    @Inject(COMMS_SETTINGS) private readonly settings: CommsSettings,
  ) {}

  /**
   * Queues the email an event asked for, in the event's inbox transaction. Resolves false when the
   * recipient turned its category off: nothing is recorded then, as nothing was meant to be sent.
   */
  async queue(email: PlannedEmail, eventId: string, tx: Db): Promise<boolean> {
    const { category } = email.template;
    let links: UnsubscribeLinks | undefined;
    if (isOptional(category) && email.userId) {
      if (!(await this.preferences.isOn(email.userId, category, tx))) return false;
      const token = await this.tokens.issue({ userId: email.userId, category, email: email.toAddress }, new Date(), tx);
      links = unsubscribeLinks(this.settings, token);
    }
    const rendered = email.render({ unsubscribe: links?.page });
    await this.deliveries.insert(
      {
        id: randomUUID(),
        eventId,
        userId: email.userId,
        toAddress: email.toAddress,
        template: email.template.name,
        locale: email.locale,
        subject: rendered.subject,
        textBody: rendered.text,
        htmlBody: rendered.html,
        unsubscribeUrl: links?.oneClick ?? null,
      },
      tx,
    );
    return true;
  }
}
