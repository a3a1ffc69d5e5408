import { UnitOfWork, type Caller } from '@msp/platform';
import { Injectable } from '@nestjs/common';
import { AccountsRepository, type AccountRow } from '../accounts/accounts.repository.js';
import { AccountsService } from '../accounts/accounts.service.js';
import { requireAdmin } from '../admin/account-admin.service.js';
import { AuthError } from '../auth.errors.js';
import { PasswordHasher } from '../passwords/password-hasher.js';
import { SessionsRepository } from '../sessions/sessions.repository.js';
import { SessionsService } from '../sessions/sessions.service.js';

/** An account's end (deletion by its owner), its data export, and what admins see of it. */
@Injectable()
export class AccountLifecycleService {
  constructor(
    private readonly accounts: AccountsRepository,
    private readonly accountsService: AccountsService,
    private readonly sessionsRepository: SessionsRepository,
    private readonly sessions: SessionsService,
    private readonly hasher: PasswordHasher,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  /**
   * Deletes the caller's credentials after checking the password. Sessions end at once (their
   * tokens are refused), and `auth.user.deleted.v1` tells the other services to remove or
   * anonymise what they hold: that part is asynchronous, hence 202 at the gateway.
   */
  async delete(caller: Caller | undefined, password: string): Promise<void> {
    const account = await this.accountsService.accountOf(caller);
    if (!(await this.hasher.verify(account.passwordHash, password))) {
      throw new AuthError('VALIDATION_FAILED', 'The password is wrong.', [{ path: 'password', message: 'is wrong' }]);
    }
    await this.unitOfWork.run(async (tx, events) => {
      await this.sessions.endAll(account.id, 'revoked', undefined, tx, events);
      await this.accounts.delete(account.id, tx);
      await events.add({ type: 'auth.user.deleted.v1', subject: account.id, data: { userId: account.id, email: account.email } });
    });
  }

  /** What the auth service holds about the caller, without any secret (no hashes, no tokens). */
  async export(caller: Caller | undefined): Promise<Record<string, unknown>> {
    const account = await this.accountsService.accountOf(caller);
    const sessions = await this.sessionsRepository.listLive(account.id, new Date());
    return {
      account: publicView(account),
      sessions: sessions.map((session) => ({
        id: session.id,
        createdAt: session.createdAt,
        lastUsedAt: session.lastUsedAt,
        userAgent: session.userAgent,
        ip: session.ip,
      })),
    };
  }

  async details(caller: Caller | undefined, userId: string): Promise<{ account: AccountRow; sessionsCount: number }> {
    requireAdmin(caller);
    const account = /^[0-9a-f-]{36}$/i.test(userId) ? await this.accounts.findById(userId) : undefined;
    if (!account) throw new AuthError('ACCOUNT_NOT_FOUND', 'No such account.');
    const sessions = await this.sessionsRepository.listLive(userId, new Date());
    return { account, sessionsCount: sessions.length };
  }
}

function publicView(account: AccountRow) {
  return {
    id: account.id,
    email: account.email,
    roles: account.roles,
    status: account.status,
    emailVerifiedAt: account.emailVerifiedAt,
    mfaEnabled: account.mfaEnabled,
    createdAt: account.createdAt,
  };
}
