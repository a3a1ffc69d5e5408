import { UnitOfWork, type Caller } from '@msp/platform';
import { Inject, Injectable } from '@nestjs/common';
import { AccountsRepository } from '../accounts/accounts.repository.js';
import { AccountsService } from '../accounts/accounts.service.js';
import { AuthError } from '../auth.errors.js';
import { AUTH_SETTINGS, type AuthSettings } from '../auth-settings.js';
import { SessionsService } from '../sessions/sessions.service.js';
import { LoginThrottle } from '../throttling/login-throttle.js';
import { hashToken, newOpaqueToken } from './opaque-token.js';
import { PasswordHasher } from './password-hasher.js';
import { passwordProblems } from './password-policy.js';
import { PasswordResetRepository } from './password-reset.repository.js';

@Injectable()
export class PasswordsService {
  constructor(
    private readonly accounts: AccountsRepository,
    private readonly accountsService: AccountsService,
    private readonly resets: PasswordResetRepository,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionsService,
    private readonly throttle: LoginThrottle,
    private readonly unitOfWork: UnitOfWork,
    @Inject(AUTH_SETTINGS) private readonly settings: AuthSettings,
  ) {}

  /** Emails a reset link when the address has an active account; the caller learns nothing either way. */
  async forgot(email: string): Promise<void> {
    const account = await this.accounts.findByEmail(email.trim().toLowerCase());
    if (!account || account.status !== 'active') return;
    const token = newOpaqueToken();
    const expiresAt = new Date(Date.now() + this.settings.passwordResetTtlMs);
    await this.unitOfWork.run(async (tx, events) => {
      await this.resets.insert(account.id, hashToken(token), expiresAt, tx);
      await events.add({
        type: 'auth.password_reset.requested.v1',
        subject: account.id,
        data: { userId: account.id, email: account.email, token, expiresAt: expiresAt.toISOString() },
      });
    });
  }

  /** Sets a new password with a single-use token; every session ends (whoever had them is out). */
  async reset(token: string, newPassword: string): Promise<void> {
    const now = new Date();
    const accountId = await this.unitOfWork.run(async (tx, events) => {
      const id = await this.resets.consume(hashToken(token), now, tx);
      if (!id) return undefined;
      const account = await this.accounts.findById(id, tx);
      if (!account) return undefined;
      assertAcceptable(newPassword, account.email);
      await this.accounts.update(id, { passwordHash: await this.hasher.hash(newPassword) }, tx);
      await this.resets.voidOutstanding(id, now, tx);
      await this.sessions.endAll(id, 'password_changed', undefined, tx, events);
      await events.add({
        type: 'auth.password.changed.v1',
        subject: id,
        data: { userId: id, email: account.email, via: 'reset', at: now.toISOString() },
      });
      return account;
    });
    if (!accountId) throw new AuthError('INVALID_TOKEN', 'The reset link is invalid, used or expired.');
    // The owner proved control of the mailbox: a lockout from an attacker's guesses should not hold them back.
    await this.throttle.recordSuccess(accountId.email);
  }

  /** Changes the caller's password; their other sessions end, the current one stays. */
  async change(caller: Caller | undefined, currentPassword: string, newPassword: string): Promise<void> {
    const account = await this.accountsService.accountOf(caller);
    if (!(await this.hasher.verify(account.passwordHash, currentPassword))) {
      throw new AuthError('VALIDATION_FAILED', 'The current password is wrong.', [{ path: 'currentPassword', message: 'is wrong' }]);
    }
    assertAcceptable(newPassword, account.email);
    const passwordHash = await this.hasher.hash(newPassword);
    await this.unitOfWork.run(async (tx, events) => {
      await this.accounts.update(account.id, { passwordHash }, tx);
      await this.sessions.endAll(account.id, 'password_changed', caller!.sessionId, tx, events);
      await events.add({
        type: 'auth.password.changed.v1',
        subject: account.id,
        data: { userId: account.id, email: account.email, via: 'change', at: new Date().toISOString() },
      });
    });
  }
}

function assertAcceptable(password: string, email: string): void {
  const problems = passwordProblems(password, 'newPassword', { email });
  if (problems.length > 0) throw new AuthError('VALIDATION_FAILED', 'The new password is not acceptable.', problems);
}
