import { randomUUID } from 'node:crypto';
import { createLogger, MemoryCache, RevocationList, UnitOfWork, type Caller, type Db } from '@msp/platform';
import { migratedPglite, type TestDatabase } from '@msp/testing';
import { eq } from 'drizzle-orm';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccountsRepository, type AccountRow } from '../accounts/accounts.repository.js';
import { AuthError } from '../auth.errors.js';
import { testSettings } from '../testing/test-settings.js';
import { migrationsFolder } from '../db/migrations-folder.js';
import { outbox, sessions } from '../db/schema.js';
import { SessionIssuer, type Tokens } from '../sessions/session-issuer.js';
import { SessionsRepository } from '../sessions/sessions.repository.js';
import { SessionsService } from '../sessions/sessions.service.js';
import { SigningKeysRepository } from '../signing-keys/signing-keys.repository.js';
import { SigningKeysService } from '../signing-keys/signing-keys.service.js';
import { AccountAdminService } from './account-admin.service.js';

const settings = testSettings;
const client = { userAgent: 'TestAgent/1.0', ip: '203.0.113.7' };

type Event = { type: string; subject?: string; data: Record<string, unknown> };

let database: TestDatabase;
let db: Db;
let accounts: AccountsRepository;
let issuer: SessionIssuer;
let revocations: RevocationList;
let sessionsService: SessionsService;
let admin: AccountAdminService;

beforeAll(async () => {
  database = await migratedPglite('auth', migrationsFolder);
  db = database.db;
  const unitOfWork = new UnitOfWork(db, outbox, 'auth');
  const sessionsRepository = new SessionsRepository(db);
  accounts = new AccountsRepository(db);
  issuer = new SessionIssuer(
    sessionsRepository,
    new SigningKeysService(new SigningKeysRepository(db), unitOfWork, settings),
    unitOfWork,
    settings,
  );
  revocations = new RevocationList(new MemoryCache(), settings.accessTokenTtlSeconds);
  sessionsService = new SessionsService(
    accounts,
    sessionsRepository,
    issuer,
    unitOfWork,
    revocations,
    settings,
    createLogger('test', 'silent'),
  );
  admin = new AccountAdminService(accounts, sessionsService, unitOfWork);
});
afterAll(() => database?.close());

async function newAccount(roles = ['customer']): Promise<AccountRow> {
  const id = randomUUID();
  await accounts.insert({ id, email: `user-${id}@example.test`, passwordHash: 'not-used-here', roles });
  return (await accounts.findById(id))!;
}

async function adminCaller(): Promise<Caller> {
  const account = await newAccount(['customer', 'admin']);
  return callerOf(await issuer.start(account, client));
}

function callerOf(tokens: Tokens): Caller {
  const claims = decodeJwt(tokens.accessToken);
  return { userId: claims.sub!, sessionId: claims.sid as string, roles: claims.roles as string[] };
}

/** A customer with two live sessions. */
async function customerWithSessions() {
  const account = await newAccount();
  const tokens = [await issuer.start(account, client), await issuer.start(account, client)];
  return { account, tokens, sessionIds: tokens.map((t) => callerOf(t).sessionId) };
}

async function eventsAbout(subject: string): Promise<Event[]> {
  const rows = await db.select({ envelope: outbox.envelope }).from(outbox).orderBy(outbox.seq);
  return rows.map((row) => row.envelope as Event).filter((event) => event.subject === subject);
}

const liveSessions = async (accountId: string) =>
  (await db.select().from(sessions).where(eq(sessions.accountId, accountId))).filter((row) => row.revokedAt === null);

async function expectAllEnded(sessionIds: string[], accountId: string, reason: string) {
  expect(await liveSessions(accountId)).toEqual([]);
  for (const sessionId of sessionIds) expect(await revocations.isSessionRevoked(sessionId)).toBe(true);
  const revoked = (await eventsAbout(accountId)).filter((event) => event.type === 'auth.session.revoked.v1').map((event) => event.data);
  expect(revoked).toEqual(expect.arrayContaining(sessionIds.map((sessionId) => ({ userId: accountId, sessionId, reason }))));
}

describe('AccountAdminService: who may act', () => {
  it('answers FORBIDDEN to a caller without the admin role, and UNAUTHENTICATED to no caller, changing nothing', async () => {
    const { account, sessionIds } = await customerWithSessions();
    const customer = callerOf(await issuer.start(await newAccount(), client));

    const attempts = [
      () => admin.suspend(customer, account.id),
      () => admin.unsuspend(customer, account.id),
      () => admin.setRoles(customer, account.id, ['admin']),
      () => admin.revokeAllSessions(customer, account.id),
    ];
    for (const attempt of attempts) {
      const error = await attempt().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AuthError);
      expect(error).toMatchObject({ code: 'FORBIDDEN' });
    }
    await expect(admin.suspend(undefined, account.id)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });

    expect(await accounts.findById(account.id)).toMatchObject({ status: 'active', roles: ['customer'] });
    expect((await liveSessions(account.id)).map((row) => row.id).sort()).toEqual([...sessionIds].sort());
  });

  it('answers ACCOUNT_NOT_FOUND for an unknown or malformed id', async () => {
    const caller = await adminCaller();

    await expect(admin.suspend(caller, randomUUID())).rejects.toMatchObject({ code: 'ACCOUNT_NOT_FOUND' });
    await expect(admin.setRoles(caller, 'not-a-uuid', ['customer'])).rejects.toMatchObject({ code: 'ACCOUNT_NOT_FOUND' });
  });
});

describe('AccountAdminService.suspend and unsuspend', () => {
  it('suspends the account, ends every session at once and records who did it', async () => {
    const caller = await adminCaller();
    const { account, tokens, sessionIds } = await customerWithSessions();

    await admin.suspend(caller, account.id);

    expect((await accounts.findById(account.id))?.status).toBe('suspended');
    await expectAllEnded(sessionIds, account.id, 'suspended');
    expect(await eventsAbout(account.id)).toContainEqual(
      expect.objectContaining({ type: 'auth.user.suspended.v1', data: { userId: account.id, email: account.email, by: caller.userId } }),
    );
    await expect(sessionsService.refresh(tokens[0]!.refreshToken)).rejects.toMatchObject({ code: 'INVALID_REFRESH_TOKEN' });
  });

  it('does not let an administrator suspend themself', async () => {
    const caller = await adminCaller();

    await expect(admin.suspend(caller, caller.userId)).rejects.toMatchObject({ code: 'CANNOT_CHANGE_OWN_ACCOUNT' });

    expect((await accounts.findById(caller.userId))?.status).toBe('active');
    expect(await liveSessions(caller.userId)).toHaveLength(1);
  });

  it('unsuspends the account and records who did it', async () => {
    const caller = await adminCaller();
    const { account } = await customerWithSessions();
    await admin.suspend(caller, account.id);

    await admin.unsuspend(caller, account.id);

    expect((await accounts.findById(account.id))?.status).toBe('active');
    expect((await eventsAbout(account.id)).at(-1)).toMatchObject({
      type: 'auth.user.unsuspended.v1',
      data: { userId: account.id, email: account.email, by: caller.userId },
    });
  });
});

describe('AccountAdminService.setRoles', () => {
  it('sets the roles, ends the sessions so new tokens carry them, and records the change', async () => {
    const caller = await adminCaller();
    const { account, sessionIds } = await customerWithSessions();

    const updated = await admin.setRoles(caller, account.id, ['customer', 'admin', 'admin']);

    expect(updated).toMatchObject({ id: account.id, roles: ['customer', 'admin'] });
    expect((await accounts.findById(account.id))?.roles).toEqual(['customer', 'admin']);
    await expectAllEnded(sessionIds, account.id, 'admin');
    expect((await eventsAbout(account.id)).at(-1)).toMatchObject({
      type: 'auth.user.roles_changed.v1',
      data: { userId: account.id, roles: ['customer', 'admin'], by: caller.userId },
    });
  });

  it('refuses unknown roles and an empty set with a field problem on roles, changing nothing', async () => {
    const caller = await adminCaller();
    const { account, sessionIds } = await customerWithSessions();

    for (const roles of [['superuser'], [], ['customer', 'root']]) {
      await expect(admin.setRoles(caller, account.id, roles)).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
        fields: [{ path: 'roles' }],
      });
    }

    expect((await accounts.findById(account.id))?.roles).toEqual(['customer']);
    expect(await liveSessions(account.id)).toHaveLength(sessionIds.length);
  });

  it("refuses to remove the caller's own admin role", async () => {
    const caller = await adminCaller();

    await expect(admin.setRoles(caller, caller.userId, ['customer'])).rejects.toMatchObject({ code: 'CANNOT_CHANGE_OWN_ACCOUNT' });

    expect((await accounts.findById(caller.userId))?.roles).toEqual(['customer', 'admin']);
  });
});

describe('AccountAdminService.revokeAllSessions', () => {
  it('ends every session of the account (force logout)', async () => {
    const caller = await adminCaller();
    const { account, sessionIds } = await customerWithSessions();

    await admin.revokeAllSessions(caller, account.id);

    await expectAllEnded(sessionIds, account.id, 'admin');
    expect((await accounts.findById(account.id))?.status).toBe('active');
  });
});
