import { randomBytes, randomUUID } from 'node:crypto';
import { UnitOfWork, type Logger, LOGGER } from '@msp/platform';
import { Inject, Injectable } from '@nestjs/common';
import { AccountsRepository } from '../accounts/accounts.repository.js';
import { AuthError } from '../auth.errors.js';
import { AUTH_SETTINGS, type AuthSettings } from '../auth-settings.js';
import { hashToken, newOpaqueToken } from '../passwords/opaque-token.js';
import { PasswordHasher } from '../passwords/password-hasher.js';
import { USER_SERVICE, type UserServiceClient } from '../profiles/profiles.client.js';
import { validateRegistration, type Registration } from './registration.rules.js';

const DEFAULT_LOCALE = 'en';

@Injectable()
export class RegistrationService {
  constructor(
    private readonly accounts: AccountsRepository,
    private readonly hasher: PasswordHasher,
    private readonly unitOfWork: UnitOfWork,
    @Inject(USER_SERVICE) private readonly users: UserServiceClient,
    @Inject(AUTH_SETTINGS) private readonly settings: AuthSettings,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /**
   * Signs a customer up. The profile is created first, then the credentials in one transaction with
   * their events: so credentials never exist without a profile, even if this process dies between
   * the two steps (the worst case is a profile without credentials, which nobody can sign in to).
   */
  async register(input: Registration): Promise<string> {
    const registration = validateRegistration(input);
    if (await this.accounts.findByEmail(registration.email)) throw emailTaken();

    const userId = randomUUID();
    const passwordHash = await this.hasher.hash(registration.password);
    await this.users.createProfile({ userId, email: registration.email, displayName: registration.displayName, locale: DEFAULT_LOCALE });

    const created = await this.unitOfWork.run(async (tx, events) => {
      if (!(await this.accounts.insert({ id: userId, email: registration.email, passwordHash }, tx))) return false;
      const token = newOpaqueToken();
      const expiresAt = new Date(Date.now() + this.settings.emailVerificationTtlMs);
      await this.accounts.insertVerificationToken(userId, hashToken(token), expiresAt, tx);
      const person = { userId, email: registration.email, displayName: registration.displayName, locale: DEFAULT_LOCALE };
      await events.add({ type: 'auth.user.registered.v1', subject: userId, data: person });
      await events.add({
        type: 'auth.email_verification.requested.v1',
        subject: userId,
        data: { ...person, token, expiresAt: expiresAt.toISOString() },
      });
      return true;
    });
    if (!created) {
      // Another sign-up took the email between our check and our insert: undo our profile.
      await this.users
        .deleteProfile({ userId })
        .catch((error: unknown) => this.logger.warn({ err: error, userId }, 'orphan profile left behind'));
      throw emailTaken();
    }
    return userId;
  }

  async verifyEmail(token: string): Promise<void> {
    const now = new Date();
    const verified = await this.unitOfWork.run(async (tx, events) => {
      const accountId = await this.accounts.consumeVerificationToken(hashToken(token), now, tx);
      if (!accountId) return false;
      const account = await this.accounts.findById(accountId, tx);
      if (!account) return false;
      if (!account.emailVerifiedAt) {
        await this.accounts.markEmailVerified(accountId, now, tx);
        await events.add({ type: 'auth.email.verified.v1', subject: accountId, data: { userId: accountId, email: account.email } });
      }
      return true;
    });
    if (!verified) throw new AuthError('INVALID_TOKEN', 'The verification link is invalid, used or expired.');
  }

  /**
   * Creates the platform administrator on first start. Returns the generated password when none
   * was configured, so the launcher can show it once; undefined when the admin already exists.
   */
  async ensureAdministrator(email: string, configuredPassword: string | undefined): Promise<{ password: string | undefined } | undefined> {
    const normalized = email.trim().toLowerCase();
    if (await this.accounts.findByEmail(normalized)) return undefined;
    const password = configuredPassword ?? randomBytes(12).toString('base64url');
    const userId = randomUUID();
    await this.users.createProfile({ userId, email: normalized, displayName: 'Administrator', locale: DEFAULT_LOCALE });
    const passwordHash = await this.hasher.hash(password);
    await this.unitOfWork.run(async (tx, events) => {
      const inserted = await this.accounts.insert(
        { id: userId, email: normalized, passwordHash, roles: ['customer', 'admin'], emailVerifiedAt: new Date() },
        tx,
      );
      if (inserted) {
        await events.add({
          type: 'auth.user.registered.v1',
          subject: userId,
          data: { userId, email: normalized, displayName: 'Administrator', locale: DEFAULT_LOCALE },
        });
        // The account starts verified and with the admin role: say so, for services that keep a copy.
        await events.add({ type: 'auth.email.verified.v1', subject: userId, data: { userId, email: normalized } });
        await events.add({
          type: 'auth.user.roles_changed.v1',
          subject: userId,
          data: { userId, roles: ['customer', 'admin'], by: userId },
        });
      }
    });
    return { password: configuredPassword === undefined ? password : undefined };
  }
}

function emailTaken(): AuthError {
  return new AuthError('EMAIL_TAKEN', 'An account with this email already exists.', [{ path: 'email', message: 'is already registered' }]);
}
