import { UnitOfWork } from '@msp/platform';
import { Injectable } from '@nestjs/common';
import { CommsError } from '../comms.errors.js';
import { EmailPreferencesRepository } from '../recipients/email-preferences.repository.js';
import { UnsubscribeTokensRepository } from './unsubscribe-tokens.repository.js';

/** Longer than any token we issue: a longer one is refused before it is hashed and looked up. */
const MAX_TOKEN_LENGTH = 200;

export interface Unsubscribed {
  category: string;
  /** The address the email went to, for the confirmation page. */
  email: string;
}

/**
 * One click on an email's unsubscribe link (the page, or a mail client's RFC 8058 POST), no sign-in:
 * the token is the proof. The category goes off here at once, so the very next email respects it,
 * and `comms.email.unsubscribed.v1` tells the user service, which owns preferences, in the same
 * transaction. A token works any number of times until it expires; each use says the same.
 */
@Injectable()
export class UnsubscribeService {
  constructor(
    private readonly tokens: UnsubscribeTokensRepository,
    private readonly preferences: EmailPreferencesRepository,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async unsubscribe(token: string): Promise<Unsubscribed> {
    if (!token || token.length > MAX_TOKEN_LENGTH) throw invalidToken();
    return this.unitOfWork.run(async (tx, events) => {
      const now = new Date();
      const grant = await this.tokens.findValid(token, now, tx);
      if (!grant) throw invalidToken();
      await this.preferences.turnOff(grant.userId, grant.category, now, tx);
      // Published on every use, not only the first: the user may have turned the category back on since.
      await events.add({
        type: 'comms.email.unsubscribed.v1',
        subject: grant.userId,
        data: { userId: grant.userId, category: grant.category },
      });
      return { category: grant.category, email: grant.email };
    });
  }
}

function invalidToken(): CommsError {
  return new CommsError('INVALID_TOKEN', 'This unsubscribe link is invalid or has expired.');
}
