import { randomUUID } from 'node:crypto';
import { UnitOfWork, type Logger, LOGGER } from '@msp/platform';
import { Inject, Injectable } from '@nestjs/common';
import { AccountsRepository, type AccountRow } from '../accounts/accounts.repository.js';
import { AuthError } from '../auth.errors.js';
import { AUTH_SETTINGS, type AuthSettings } from '../auth-settings.js';
import { hashToken, newOpaqueToken } from '../passwords/opaque-token.js';
import { PasswordHasher } from '../passwords/password-hasher.js';
import { SigningKeysService } from '../signing-keys/signing-keys.service.js';
import { SessionsRepository } from './sessions.repository.js';

export interface ClientInfo {
  userAgent: string;
  ip: string;
}

export interface Tokens {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

@Injectable()
export class SessionsService {
  constructor(
    private readonly accounts: AccountsRepository,
    private readonly sessions: SessionsRepository,
    private readonly hasher: PasswordHasher,
    private readonly keys: SigningKeysService,
    private readonly unitOfWork: UnitOfWork,
    @Inject(AUTH_SETTINGS) private readonly settings: AuthSettings,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** One answer for an unknown email and a wrong password, in the same time (the hasher's decoy). */
  async login(email: string, password: string, client: ClientInfo): Promise<Tokens> {
    const account = await this.accounts.findByEmail(email.trim().toLowerCase());
    const valid = await this.hasher.verify(account?.passwordHash, password);
    if (!account || !valid) throw new AuthError('INVALID_CREDENTIALS', 'The email or password is wrong.');
    if (account.status !== 'active') throw new AuthError('ACCOUNT_SUSPENDED', 'This account is suspended.');

    const sessionId = randomUUID();
    const refreshToken = newOpaqueToken();
    const now = new Date();
    await this.unitOfWork.run(async (tx) => {
      await this.sessions.create(
        {
          id: sessionId,
          accountId: account.id,
          userAgent: client.userAgent.slice(0, 512),
          ip: client.ip.slice(0, 64),
          expiresAt: new Date(now.getTime() + this.settings.refreshTokenTtlMs),
        },
        hashToken(refreshToken),
        tx,
      );
    });
    return this.issue(account, sessionId, refreshToken);
  }

  /** Rotates the refresh token: the presented one stops working; a reused one revokes the session. */
  async refresh(refreshToken: string): Promise<Tokens> {
    const now = new Date();
    const oldHash = hashToken(refreshToken);
    const found = await this.sessions.findByRefreshToken(oldHash);
    if (!found || found.sessionRevokedAt || found.sessionExpiresAt <= now) throw invalidRefreshToken();
    if (found.replacedAt) {
      // A rotated token came back: someone holds a copy. End the whole session.
      await this.sessions.revoke(found.sessionId, now);
      this.logger.warn({ sessionId: found.sessionId }, 'refresh token reuse: session revoked');
      throw invalidRefreshToken();
    }
    const account = await this.accounts.findById(found.accountId);
    if (!account || account.status !== 'active') throw invalidRefreshToken();
    const next = newOpaqueToken();
    const rotated = await this.unitOfWork.run((tx) => this.sessions.rotate(found.sessionId, oldHash, hashToken(next), now, tx));
    if (!rotated) throw invalidRefreshToken();
    return this.issue(account, found.sessionId, next);
  }

  async logout(refreshToken: string): Promise<void> {
    const found = await this.sessions.findByRefreshToken(hashToken(refreshToken));
    // Logging out with an unknown token is not an error: the session is gone either way.
    if (found) await this.sessions.revoke(found.sessionId, new Date());
  }

  private async issue(account: AccountRow, sessionId: string, refreshToken: string): Promise<Tokens> {
    const accessToken = await this.keys.signAccessToken({ userId: account.id, sessionId, roles: account.roles });
    return { accessToken, refreshToken, expiresIn: this.settings.accessTokenTtlSeconds };
  }
}

function invalidRefreshToken(): AuthError {
  return new AuthError('INVALID_REFRESH_TOKEN', 'The refresh token is invalid or expired.');
}
