import { randomUUID } from 'node:crypto';
import { createLogger, type Db } from '@msp/platform';
import { FakeUnitOfWork } from '@msp/testing';
import { describe, expect, it } from 'vitest';
import type { AccountRow, AccountsRepository } from '../accounts/accounts.repository.js';
import { AuthError } from '../auth.errors.js';
import type { AuthSettings } from '../auth-settings.js';
import type { PasswordHasher } from '../passwords/password-hasher.js';
import type { AccessClaims, SigningKeysService } from '../signing-keys/signing-keys.service.js';
import type { RefreshTokenLookup, SessionsRepository } from './sessions.repository.js';
import { SessionsService } from './sessions.service.js';

const settings: AuthSettings = {
  issuer: 'test-issuer',
  audience: 'test-audience',
  accessTokenTtlSeconds: 600,
  refreshTokenTtlMs: 86_400_000,
  emailVerificationTtlMs: 3_600_000,
};
const client = { userAgent: 'TestAgent/1.0', ip: '203.0.113.7' };

/** Sessions and their refresh tokens in memory, with the repository's rotate/revoke semantics. */
class FakeSessions {
  readonly sessions = new Map<string, { accountId: string; expiresAt: Date; revokedAt: Date | null; userAgent: string }>();
  readonly tokens = new Map<string, { sessionId: string; replacedAt: Date | null }>();

  async create(session: { id: string; accountId: string; expiresAt: Date; userAgent?: string }, refreshTokenHash: string, _tx: Db) {
    this.sessions.set(session.id, {
      accountId: session.accountId,
      expiresAt: session.expiresAt,
      revokedAt: null,
      userAgent: session.userAgent ?? '',
    });
    this.tokens.set(refreshTokenHash, { sessionId: session.id, replacedAt: null });
  }
  async findByRefreshToken(tokenHash: string): Promise<RefreshTokenLookup | undefined> {
    const token = this.tokens.get(tokenHash);
    const session = token && this.sessions.get(token.sessionId);
    if (!token || !session) return undefined;
    return {
      sessionId: token.sessionId,
      accountId: session.accountId,
      replacedAt: token.replacedAt,
      sessionRevokedAt: session.revokedAt,
      sessionExpiresAt: session.expiresAt,
    };
  }
  async rotate(sessionId: string, oldHash: string, newHash: string, now: Date) {
    const old = this.tokens.get(oldHash);
    if (!old || old.replacedAt) return false;
    old.replacedAt = now;
    this.tokens.set(newHash, { sessionId, replacedAt: null });
    return true;
  }
  async revoke(sessionId: string, now: Date) {
    const session = this.sessions.get(sessionId);
    if (session && !session.revokedAt) session.revokedAt = now;
  }
}

function account(overrides: Partial<AccountRow> = {}): AccountRow {
  const now = new Date();
  return {
    id: randomUUID(),
    email: `user-${randomUUID()}@example.test`,
    passwordHash: 'hashed:right password',
    roles: ['customer'],
    status: 'active',
    emailVerifiedAt: now,
    mfaEnabled: false,
    createdAt: now,
    updatedAt: now,
    ...overrides,
  };
}

function setUp(...existing: AccountRow[]) {
  const accounts = {
    findByEmail: async (email: string) => existing.find((row) => row.email === email),
    findById: async (id: string) => existing.find((row) => row.id === id),
  };
  const verified: Array<string | undefined> = [];
  const hasher = {
    verify: async (passwordHash: string | undefined, password: string) => {
      verified.push(passwordHash);
      return passwordHash === `hashed:${password}`;
    },
  };
  const signed: AccessClaims[] = [];
  const keys = {
    signAccessToken: async (claims: AccessClaims) => {
      signed.push(claims);
      return `access-token-${signed.length}`;
    },
  };
  const sessions = new FakeSessions();
  const service = new SessionsService(
    accounts as unknown as AccountsRepository,
    sessions as unknown as SessionsRepository,
    hasher as unknown as PasswordHasher,
    keys as unknown as SigningKeysService,
    new FakeUnitOfWork().asUnitOfWork(),
    settings,
    createLogger('test', 'silent'),
  );
  return { service, sessions, verified, signed };
}

describe('SessionsService.login', () => {
  it('opens a session for the right password, whatever the spelling of the email', async () => {
    const ada = account({ email: 'ada@example.test', roles: ['customer', 'admin'] });
    const { service, sessions, signed } = setUp(ada);

    const tokens = await service.login('  ADA@example.test', 'right password', client);

    expect(tokens).toMatchObject({ accessToken: 'access-token-1', expiresIn: 600 });
    expect(tokens.refreshToken.length).toBeGreaterThanOrEqual(43);
    const [sessionId, session] = [...sessions.sessions.entries()][0] ?? [];
    expect(session).toMatchObject({ accountId: ada.id, revokedAt: null, userAgent: 'TestAgent/1.0' });
    expect(signed).toEqual([{ userId: ada.id, sessionId, roles: ['customer', 'admin'] }]);
  });

  it('gives an unknown email and a wrong password the same INVALID_CREDENTIALS, checking a hash either way', async () => {
    const ada = account();
    const { service, verified, sessions } = setUp(ada);

    const unknown = await service.login('nobody@example.test', 'right password', client).catch((e: unknown) => e);
    const wrong = await service.login(ada.email, 'wrong password', client).catch((e: unknown) => e);

    expect(unknown).toBeInstanceOf(AuthError);
    expect(wrong).toBeInstanceOf(AuthError);
    expect({ code: (unknown as AuthError).code, message: (unknown as AuthError).message }).toEqual({
      code: (wrong as AuthError).code,
      message: (wrong as AuthError).message,
    });
    expect((unknown as AuthError).code).toBe('INVALID_CREDENTIALS');
    expect(verified).toEqual([undefined, ada.passwordHash]);
    expect(sessions.sessions.size).toBe(0);
  });

  it('answers ACCOUNT_SUSPENDED to a suspended account with the right password only', async () => {
    const suspended = account({ status: 'suspended' });
    const { service, sessions } = setUp(suspended);

    await expect(service.login(suspended.email, 'right password', client)).rejects.toMatchObject({ code: 'ACCOUNT_SUSPENDED' });
    await expect(service.login(suspended.email, 'wrong password', client)).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS' });
    expect(sessions.sessions.size).toBe(0);
  });
});

describe('SessionsService.refresh', () => {
  it('rotates the refresh token: the new one works, in the same session', async () => {
    const ada = account();
    const { service, signed } = setUp(ada);
    const first = await service.login(ada.email, 'right password', client);

    const second = await service.refresh(first.refreshToken);
    const third = await service.refresh(second.refreshToken);

    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(third.refreshToken).not.toBe(second.refreshToken);
    expect(new Set(signed.map((claims) => claims.sessionId)).size).toBe(1);
  });

  it('revokes the whole session when a rotated token is presented again', async () => {
    const ada = account();
    const { service, sessions } = setUp(ada);
    const first = await service.login(ada.email, 'right password', client);
    const second = await service.refresh(first.refreshToken);

    await expect(service.refresh(first.refreshToken)).rejects.toMatchObject({ code: 'INVALID_REFRESH_TOKEN' });

    expect([...sessions.sessions.values()][0]?.revokedAt).toBeInstanceOf(Date);
    await expect(service.refresh(second.refreshToken)).rejects.toMatchObject({ code: 'INVALID_REFRESH_TOKEN' });
  });

  it('refuses an unknown token, an expired session and a suspended account', async () => {
    const ada = account();
    const { service, sessions } = setUp(ada);
    await expect(service.refresh('never-issued')).rejects.toMatchObject({ code: 'INVALID_REFRESH_TOKEN' });

    const expiring = await service.login(ada.email, 'right password', client);
    for (const session of sessions.sessions.values()) session.expiresAt = new Date(Date.now() - 1);
    await expect(service.refresh(expiring.refreshToken)).rejects.toMatchObject({ code: 'INVALID_REFRESH_TOKEN' });

    const live = await service.login(ada.email, 'right password', client);
    ada.status = 'suspended';
    await expect(service.refresh(live.refreshToken)).rejects.toMatchObject({ code: 'INVALID_REFRESH_TOKEN' });
  });

  it('refuses the tokens of a session ended by logout', async () => {
    const ada = account();
    const { service } = setUp(ada);
    const tokens = await service.login(ada.email, 'right password', client);

    await service.logout(tokens.refreshToken);

    await expect(service.refresh(tokens.refreshToken)).rejects.toMatchObject({ code: 'INVALID_REFRESH_TOKEN' });
    await expect(service.logout('never-issued')).resolves.toBeUndefined();
  });
});
