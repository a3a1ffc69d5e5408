import { randomUUID } from 'node:crypto';
import { createLogger, MemoryCache, RevocationList, UnitOfWork, type Caller, type Db } from '@msp/platform';
import { migratedPglite, type TestDatabase } from '@msp/testing';
import { eq } from 'drizzle-orm';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccountsRepository, type AccountRow } from '../accounts/accounts.repository.js';
import { testSettings } from '../testing/test-settings.js';
import { migrationsFolder } from '../db/migrations-folder.js';
import { outbox, refreshTokens, sessions } from '../db/schema.js';
import { hashToken } from '../passwords/opaque-token.js';
import { SigningKeysRepository } from '../signing-keys/signing-keys.repository.js';
import { SigningKeysService } from '../signing-keys/signing-keys.service.js';
import { SessionIssuer, type Tokens } from './session-issuer.js';
import { SessionsRepository } from './sessions.repository.js';
import { SessionsService } from './sessions.service.js';

const settings = testSettings;
const client = { userAgent: 'TestAgent/1.0', ip: '203.0.113.7' };

let database: TestDatabase;
let db: Db;
let accounts: AccountsRepository;
let issuer: SessionIssuer;
let revocations: RevocationList;
let service: SessionsService;

beforeAll(async () => {
  database = await migratedPglite('auth', migrationsFolder);
  db = database.db;
  const unitOfWork = new UnitOfWork(db, outbox, 'auth');
  const repository = new SessionsRepository(db);
  accounts = new AccountsRepository(db);
  issuer = new SessionIssuer(repository, new SigningKeysService(new SigningKeysRepository(db), unitOfWork, settings), unitOfWork, settings);
  revocations = new RevocationList(new MemoryCache(), settings.accessTokenTtlSeconds);
  service = new SessionsService(accounts, repository, issuer, unitOfWork, revocations, settings, createLogger('test', 'silent'));
});
afterAll(() => database?.close());

async function newAccount(): Promise<AccountRow> {
  const id = randomUUID();
  await accounts.insert({ id, email: `user-${id}@example.test`, passwordHash: 'not-used-here', roles: ['customer'] });
  return (await accounts.findById(id))!;
}

/** The caller the gateway would derive from the access token. */
function callerOf(tokens: Tokens): Caller {
  const claims = decodeJwt(tokens.accessToken);
  return { userId: claims.sub!, sessionId: claims.sid as string, roles: claims.roles as string[] };
}

async function sessionRow(id: string) {
  return (await db.select().from(sessions).where(eq(sessions.id, id)))[0];
}

async function eventsAbout(subject: string) {
  const rows = await db.select({ envelope: outbox.envelope }).from(outbox).orderBy(outbox.seq);
  return rows
    .map((row) => row.envelope as { type: string; subject?: string; data: Record<string, unknown> })
    .filter((event) => event.subject === subject);
}

/** Moves the moment a refresh token was replaced into the past, as if that long had passed. */
async function replacedAgo(refreshToken: string, ms: number) {
  await db
    .update(refreshTokens)
    .set({ replacedAt: new Date(Date.now() - ms) })
    .where(eq(refreshTokens.tokenHash, hashToken(refreshToken)));
}

describe('SessionsService.refresh', () => {
  it('rotates the refresh token: the new one works, in the same session', async () => {
    const ada = await newAccount();
    const first = await issuer.start(ada, client);

    const second = await service.refresh(first.refreshToken);
    const third = await service.refresh(second.refreshToken);

    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(third.refreshToken).not.toBe(second.refreshToken);
    expect(new Set([first, second, third].map((tokens) => callerOf(tokens).sessionId)).size).toBe(1);
    expect(callerOf(third)).toMatchObject({ userId: ada.id, roles: ['customer'] });
    expect(third.expiresIn).toBe(600);
  });

  it('gives the rotated token a working sibling within the grace window: two tabs refreshing at once both survive', async () => {
    const ada = await newAccount();
    const first = await issuer.start(ada, client);
    const tabA = await service.refresh(first.refreshToken);

    const tabB = await service.refresh(first.refreshToken);

    expect(tabB.refreshToken).not.toBe(tabA.refreshToken);
    expect(callerOf(tabB).sessionId).toBe(callerOf(tabA).sessionId);
    await expect(service.refresh(tabA.refreshToken)).resolves.toMatchObject({ expiresIn: 600 });
    await expect(service.refresh(tabB.refreshToken)).resolves.toMatchObject({ expiresIn: 600 });
    expect((await sessionRow(callerOf(tabA).sessionId))?.revokedAt).toBeNull();
    expect(await revocations.isSessionRevoked(callerOf(tabA).sessionId)).toBe(false);
  });

  it('lets two concurrent refreshes with the same token both succeed in the same session', async () => {
    const ada = await newAccount();
    const first = await issuer.start(ada, client);

    const [one, two] = await Promise.all([service.refresh(first.refreshToken), service.refresh(first.refreshToken)]);

    expect(one.refreshToken).not.toBe(two.refreshToken);
    await expect(service.refresh(one.refreshToken)).resolves.toBeDefined();
    await expect(service.refresh(two.refreshToken)).resolves.toBeDefined();
    expect((await sessionRow(callerOf(first).sessionId))?.revokedAt).toBeNull();
  });

  it('revokes the whole session when a rotated token is presented after the grace window', async () => {
    const ada = await newAccount();
    const first = await issuer.start(ada, client);
    const second = await service.refresh(first.refreshToken);
    const { sessionId } = callerOf(first);
    await replacedAgo(first.refreshToken, settings.refreshReuseGraceMs + 1_000);

    await expect(service.refresh(first.refreshToken)).rejects.toMatchObject({ code: 'INVALID_REFRESH_TOKEN' });

    expect((await sessionRow(sessionId))?.revokedAt).toBeInstanceOf(Date);
    expect(await revocations.isSessionRevoked(sessionId)).toBe(true);
    expect(await eventsAbout(ada.id)).toContainEqual(
      expect.objectContaining({ type: 'auth.session.revoked.v1', data: { userId: ada.id, sessionId, reason: 'reuse_detected' } }),
    );
    await expect(service.refresh(second.refreshToken)).rejects.toMatchObject({ code: 'INVALID_REFRESH_TOKEN' });
  });

  it('refuses an unknown token, an expired session and a suspended account', async () => {
    const ada = await newAccount();
    await expect(service.refresh('never-issued')).rejects.toMatchObject({ code: 'INVALID_REFRESH_TOKEN' });

    const expiring = await issuer.start(ada, client);
    await db
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 1) })
      .where(eq(sessions.id, callerOf(expiring).sessionId));
    await expect(service.refresh(expiring.refreshToken)).rejects.toMatchObject({ code: 'INVALID_REFRESH_TOKEN' });

    const live = await issuer.start(ada, client);
    await accounts.update(ada.id, { status: 'suspended' });
    await expect(service.refresh(live.refreshToken)).rejects.toMatchObject({ code: 'INVALID_REFRESH_TOKEN' });
  });
});

describe('SessionsService.logout', () => {
  it('ends the session, for the gateway too, and refuses its tokens afterwards', async () => {
    const ada = await newAccount();
    const tokens = await issuer.start(ada, client);
    const { sessionId } = callerOf(tokens);

    await service.logout(tokens.refreshToken);

    await expect(service.refresh(tokens.refreshToken)).rejects.toMatchObject({ code: 'INVALID_REFRESH_TOKEN' });
    expect(await revocations.isSessionRevoked(sessionId)).toBe(true);
    expect(await eventsAbout(ada.id)).toContainEqual(
      expect.objectContaining({ type: 'auth.session.revoked.v1', data: { userId: ada.id, sessionId, reason: 'logout' } }),
    );
    await expect(service.logout('never-issued')).resolves.toBeUndefined();
  });
});

describe('SessionsService.list', () => {
  it("lists the caller's live sessions with device and address, marking the current one", async () => {
    const ada = await newAccount();
    const laptop = await issuer.start(ada, client);
    const phone = await issuer.start(ada, { userAgent: 'Phone/2.0', ip: '198.51.100.9' });
    const ended = await issuer.start(ada, client);
    await service.logout(ended.refreshToken);
    await issuer.start(await newAccount(), client);

    const listed = await service.list(callerOf(phone));

    expect(listed).toHaveLength(2);
    expect(listed.find((view) => view.id === callerOf(phone).sessionId)).toMatchObject({
      current: true,
      userAgent: 'Phone/2.0',
      ip: '198.51.100.9',
      createdAt: expect.any(Date),
      lastUsedAt: expect.any(Date),
    });
    expect(listed.find((view) => view.id === callerOf(laptop).sessionId)).toMatchObject({ current: false, userAgent: 'TestAgent/1.0' });
  });
});

describe('SessionsService.revoke', () => {
  it("ends one of the caller's own sessions, for the gateway too", async () => {
    const ada = await newAccount();
    const current = await issuer.start(ada, client);
    const other = await issuer.start(ada, client);

    await service.revoke(callerOf(current), callerOf(other).sessionId);

    expect(await revocations.isSessionRevoked(callerOf(other).sessionId)).toBe(true);
    await expect(service.refresh(other.refreshToken)).rejects.toMatchObject({ code: 'INVALID_REFRESH_TOKEN' });
    expect((await service.list(callerOf(current))).map((view) => view.id)).toEqual([callerOf(current).sessionId]);
  });

  it("answers SESSION_NOT_FOUND for someone else's session and leaves it alone", async () => {
    const ada = await newAccount();
    const mallory = await issuer.start(await newAccount(), client);
    const adas = await issuer.start(ada, client);

    await expect(service.revoke(callerOf(mallory), callerOf(adas).sessionId)).rejects.toMatchObject({ code: 'SESSION_NOT_FOUND' });
    await expect(service.revoke(callerOf(mallory), randomUUID())).rejects.toMatchObject({ code: 'SESSION_NOT_FOUND' });

    expect((await sessionRow(callerOf(adas).sessionId))?.revokedAt).toBeNull();
    expect(await revocations.isSessionRevoked(callerOf(adas).sessionId)).toBe(false);
  });
});

describe('SessionsService.revokeOthers', () => {
  it('ends every other session of the caller and keeps the current one', async () => {
    const ada = await newAccount();
    const current = await issuer.start(ada, client);
    const others = [await issuer.start(ada, client), await issuer.start(ada, client)];
    const bystander = await issuer.start(await newAccount(), client);

    await service.revokeOthers(callerOf(current));

    expect((await service.list(callerOf(current))).map((view) => view.id)).toEqual([callerOf(current).sessionId]);
    await expect(service.refresh(current.refreshToken)).resolves.toBeDefined();
    for (const other of others) {
      expect(await revocations.isSessionRevoked(callerOf(other).sessionId)).toBe(true);
      await expect(service.refresh(other.refreshToken)).rejects.toMatchObject({ code: 'INVALID_REFRESH_TOKEN' });
    }
    expect(await revocations.isSessionRevoked(callerOf(current).sessionId)).toBe(false);
    expect(await service.list(callerOf(bystander))).toHaveLength(1);
  });
});
