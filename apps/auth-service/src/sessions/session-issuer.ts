import { randomUUID } from 'node:crypto';
import { UnitOfWork } from '@msp/platform';
import { Inject, Injectable } from '@nestjs/common';
import type { AccountRow } from '../accounts/accounts.repository.js';
import { AUTH_SETTINGS, type AuthSettings } from '../auth-settings.js';
import { hashToken, newOpaqueToken } from '../passwords/opaque-token.js';
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

/** Starts sessions and signs their tokens: the last step of every way to sign in. */
@Injectable()
export class SessionIssuer {
  constructor(
    private readonly sessions: SessionsRepository,
    private readonly keys: SigningKeysService,
    private readonly unitOfWork: UnitOfWork,
    @Inject(AUTH_SETTINGS) private readonly settings: AuthSettings,
  ) {}

  async start(account: AccountRow, client: ClientInfo): Promise<Tokens> {
    const sessionId = randomUUID();
    const refreshToken = newOpaqueToken();
    const now = new Date();
    const userAgent = client.userAgent.slice(0, 512);
    const ip = client.ip.slice(0, 64);
    await this.unitOfWork.run(async (tx, events) => {
      const expiresAt = new Date(now.getTime() + this.settings.refreshTokenTtlMs);
      await this.sessions.create({ id: sessionId, accountId: account.id, userAgent, ip, expiresAt }, hashToken(refreshToken), tx);
      await events.add({
        type: 'auth.user.signed_in.v1',
        subject: account.id,
        data: { userId: account.id, email: account.email, sessionId, ip, userAgent, at: now.toISOString() },
      });
    });
    return this.tokens(account, sessionId, refreshToken);
  }

  async tokens(account: AccountRow, sessionId: string, refreshToken: string): Promise<Tokens> {
    const accessToken = await this.keys.signAccessToken({ userId: account.id, sessionId, roles: account.roles });
    return { accessToken, refreshToken, expiresIn: this.settings.accessTokenTtlSeconds };
  }
}
