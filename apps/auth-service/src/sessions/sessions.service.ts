import { type Caller, type Db, type EventRecorder, LOGGER, type Logger, type RevocationList, UnitOfWork } from '@msp/platform';
import { Inject, Injectable } from '@nestjs/common';
import { AccountsRepository } from '../accounts/accounts.repository.js';
import { AuthError } from '../auth.errors.js';
import { AUTH_SETTINGS, type AuthSettings } from '../auth-settings.js';
import { hashToken, newOpaqueToken } from '../passwords/opaque-token.js';
import { REVOCATIONS } from './revocations.js';
import { SessionIssuer, type Tokens } from './session-issuer.js';
import { SessionsRepository } from './sessions.repository.js';

export type RevocationReason = 'logout' | 'revoked' | 'reuse_detected' | 'password_changed' | 'suspended' | 'admin';

export interface SessionView {
  id: string;
  createdAt: Date;
  lastUsedAt: Date;
  userAgent: string;
  ip: string;
  current: boolean;
}

@Injectable()
export class SessionsService {
  constructor(
    private readonly accounts: AccountsRepository,
    private readonly sessions: SessionsRepository,
    private readonly issuer: SessionIssuer,
    private readonly unitOfWork: UnitOfWork,
    @Inject(REVOCATIONS) private readonly revocations: RevocationList,
    @Inject(AUTH_SETTINGS) private readonly settings: AuthSettings,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /**
   * Rotates the refresh token: the presented one stops working. A rotated token presented again
   * ends the whole session (someone holds a copy), except within a short grace window, where it
   * gets a sibling token so two tabs refreshing at once both survive.
   */
  async refresh(refreshToken: string): Promise<Tokens> {
    const now = new Date();
    const oldHash = hashToken(refreshToken);
    const found = await this.sessions.findByRefreshToken(oldHash);
    if (!found || found.sessionRevokedAt || found.sessionExpiresAt <= now) throw invalidRefreshToken();
    const account = await this.accounts.findById(found.accountId);
    if (!account || account.status !== 'active') throw invalidRefreshToken();

    const next = newOpaqueToken();
    if (found.replacedAt) {
      // Two tabs refreshing with the same token at once: the later one within the window is not reuse.
      if (now.getTime() - found.replacedAt.getTime() > this.settings.refreshReuseGraceMs) {
        await this.end(found.accountId, [found.sessionId], 'reuse_detected');
        this.logger.warn({ sessionId: found.sessionId }, 'refresh token reuse: session revoked');
        throw invalidRefreshToken();
      }
      await this.unitOfWork.run((tx) => this.sessions.addSibling(found.sessionId, hashToken(next), now, tx));
      return this.issuer.tokens(account, found.sessionId, next);
    }
    const rotated = await this.unitOfWork.run((tx) => this.sessions.rotate(found.sessionId, oldHash, hashToken(next), now, tx));
    if (!rotated) return this.refresh(refreshToken); // a concurrent rotation won: now within the grace window
    return this.issuer.tokens(account, found.sessionId, next);
  }

  async logout(refreshToken: string): Promise<void> {
    const found = await this.sessions.findByRefreshToken(hashToken(refreshToken));
    // Logging out with an unknown token is not an error: the session is gone either way.
    if (found && !found.sessionRevokedAt) await this.end(found.accountId, [found.sessionId], 'logout');
  }

  async list(caller: Caller): Promise<SessionView[]> {
    const rows = await this.sessions.listLive(caller.userId, new Date());
    return rows.map((row) => ({
      id: row.id,
      createdAt: row.createdAt,
      lastUsedAt: row.lastUsedAt,
      userAgent: row.userAgent,
      ip: row.ip,
      current: row.id === caller.sessionId,
    }));
  }

  /** Ends one of the caller's own sessions; someone else's is "not found", never "forbidden". */
  async revoke(caller: Caller, sessionId: string): Promise<void> {
    const session = await this.sessions.findLive(sessionId, new Date());
    if (!session || session.accountId !== caller.userId) throw new AuthError('SESSION_NOT_FOUND', 'No such session.');
    await this.end(caller.userId, [sessionId], 'revoked');
  }

  async revokeOthers(caller: Caller): Promise<void> {
    await this.endAll(caller.userId, 'revoked', caller.sessionId);
  }

  /** Ends every session of an account (optionally but one), inside `tx` when given. */
  async endAll(accountId: string, reason: RevocationReason, except?: string, tx?: Db, events?: EventRecorder): Promise<void> {
    if (tx && events) {
      const ids = await this.sessions.revokeAllOf(accountId, new Date(), except, tx);
      await this.announce(accountId, ids, reason, events);
      await this.revocations.revokeSessions(ids);
      return;
    }
    await this.unitOfWork.run((innerTx, innerEvents) => this.endAll(accountId, reason, except, innerTx, innerEvents));
  }

  private async end(accountId: string, sessionIds: string[], reason: RevocationReason): Promise<void> {
    await this.unitOfWork.run(async (tx, events) => {
      for (const id of sessionIds) await this.sessions.revoke(id, new Date(), tx);
      await this.announce(accountId, sessionIds, reason, events);
    });
    await this.revocations.revokeSessions(sessionIds);
  }

  private async announce(userId: string, sessionIds: string[], reason: RevocationReason, events: EventRecorder): Promise<void> {
    for (const sessionId of sessionIds) {
      await events.add({ type: 'auth.session.revoked.v1', subject: userId, data: { userId, sessionId, reason } });
    }
  }
}

function invalidRefreshToken(): AuthError {
  return new AuthError('INVALID_REFRESH_TOKEN', 'The refresh token is invalid or expired.');
}
