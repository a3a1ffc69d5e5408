import { randomUUID } from 'node:crypto';
import { decodeCursor, pageSize, toPage, type Caller } from '@msp/platform';
import { Injectable } from '@nestjs/common';
import { CommsError } from '../comms.errors.js';
import { isAnonymousAddress } from '../user-data/anonymous-address.js';
import { isUuid } from '../uuid.js';
import { DeliveriesRepository, type DeliveryLogEntry } from './deliveries.repository.js';
import { DeliveryDispatcher } from './delivery-dispatcher.js';

/** The delivery log and resends: platform administrators only. */
@Injectable()
export class DeliveriesService {
  constructor(
    private readonly deliveries: DeliveriesRepository,
    private readonly dispatcher: DeliveryDispatcher,
  ) {}

  /** The delivery log, newest first. */
  async list(caller: Caller | undefined, limit: number, cursor: string): Promise<{ items: DeliveryLogEntry[]; nextCursor: string }> {
    administrator(caller);
    const after = decodeCursor(cursor);
    if (cursor && !after) throw new CommsError('VALIDATION_FAILED', 'The cursor is invalid.', [{ path: 'cursor', message: 'is invalid' }]);
    const size = pageSize(limit);
    return toPage(await this.deliveries.list(size + 1, after), size);
  }

  /**
   * Queues a new delivery of a logged email with the same content, to the same address: the original
   * stays in the log as it was, and the copy names it. Whatever its original's outcome, the copy goes
   * through the same rules when sent (retries; an address suppressed since fails at once). An email
   * whose account was deleted has no content or address left to send: it answers as not found.
   */
  async resend(caller: Caller | undefined, id: string): Promise<DeliveryLogEntry> {
    administrator(caller);
    const original = isUuid(id) ? await this.deliveries.findById(id) : undefined;
    if (!original) throw new CommsError('DELIVERY_NOT_FOUND', 'No such email in the delivery log.');
    if (isAnonymousAddress(original.toAddress)) {
      throw new CommsError('DELIVERY_NOT_FOUND', 'The account this email went to was deleted; nothing of the email is left to send.');
    }
    const copy = await this.deliveries.insert({
      id: randomUUID(),
      eventId: null,
      resentFrom: original.id,
      userId: original.userId,
      toAddress: original.toAddress,
      template: original.template,
      locale: original.locale,
      subject: original.subject,
      textBody: original.textBody,
      htmlBody: original.htmlBody,
      unsubscribeUrl: original.unsubscribeUrl,
    });
    this.dispatcher.poke();
    return copy;
  }
}

function administrator(caller: Caller | undefined): Caller {
  if (!caller) throw new CommsError('UNAUTHENTICATED', 'Sign in first.');
  if (!caller.roles.includes('admin')) throw new CommsError('FORBIDDEN', 'Only administrators can read or resend the delivery log.');
  return caller;
}
