import type { Caller } from '@msp/platform';
import { Injectable } from '@nestjs/common';
import { AuthError } from '../auth.errors.js';
import { AccountsRepository, type AccountRow } from './accounts.repository.js';

@Injectable()
export class AccountsService {
  constructor(private readonly accounts: AccountsRepository) {}

  /** The caller's own account; a token whose account is gone or suspended no longer counts. */
  async accountOf(caller: Caller | undefined): Promise<AccountRow> {
    if (!caller) throw new AuthError('UNAUTHENTICATED', 'Sign in first.');
    const account = await this.accounts.findById(caller.userId);
    if (!account) throw new AuthError('UNAUTHENTICATED', 'The account no longer exists.');
    if (account.status !== 'active') throw new AuthError('ACCOUNT_SUSPENDED', 'This account is suspended.');
    return account;
  }
}
