import { randomUUID } from 'node:crypto';
import { createLogger, MemoryCache, RevocationList, UnitOfWork, type Db } from '@msp/platform';
import { migratedPglite, type TestDatabase } from '@msp/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccountsRepository } from '../accounts/accounts.repository.js';
import { AccountsService } from '../accounts/accounts.service.js';
import { AuthError } from '../auth.errors.js';
import { testSettings } from '../testing/test-settings.js';
import { migrationsFolder } from '../db/migrations-folder.js';
import { outbox, sessions } from '../db/schema.js';
import { PasswordHasher } from '../passwords/password-hasher.js';
import { SessionIssuer } from '../sessions/session-issuer.js';
import { SessionsRepository } from '../sessions/sessions.repository.js';
import { SessionsService } from '../sessions/sessions.service.js';
import { SigningKeysRepository } from '../signing-keys/signing-keys.repository.js';
import { SigningKeysService } from '../signing-keys/signing-keys.service.js';
import { AccountLifecycleService } from './account-lifecycle.service.js';

const settings = testSettings;

let database: TestDatabase;
let db: Db;
let accounts: AccountsRepository;
let issuer: SessionIssuer;
let revocations: RevocationList;
let lifecycle: AccountLifecycleService;
const hasher = new PasswordHasher();

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
  const sessionsService = new SessionsService(
    accounts,
    sessionsRepository,
    issuer,
    unitOfWork,
    revocations,
    settings,
    createLogger('test', 'silent'),
  );
  lifecycle = new AccountLifecycleService(accounts, new AccountsService(accounts), sessionsRepository, sessionsService, hasher, unitOfWork);
});

afterAll(() => database.close());

async function customer(roles = ['customer']) {
  const id = randomUUID();
  await accounts.insert({ id, email: `${id}@example.test`, passwordHash: await hasher.hash('a fine password'), roles });
  const account = (await accounts.findById(id))!;
  const tokens = await issuer.start(account, { userAgent: 'Test/1.0', ip: '203.0.113.9' });
  const sessionId = (await db.select().from(sessions).where(eq(sessions.accountId, id)))[0]!.id;
  return { id, tokens, caller: { userId: id, sessionId, roles } };
}

describe('AccountLifecycleService', () => {
  it('deletes the account only with the right password, ending its sessions and announcing it', async () => {
    const { id, caller } = await customer();
    await expect(lifecycle.delete(caller, 'not the password')).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(await accounts.findById(id)).toBeDefined();

    await lifecycle.delete(caller, 'a fine password');

    expect(await accounts.findById(id)).toBeUndefined();
    expect(await revocations.isSessionRevoked(caller.sessionId)).toBe(true);
    const events = await db.select().from(outbox);
    expect(events.some((row) => row.type === 'auth.user.deleted.v1' && (row.envelope as { subject: string }).subject === id)).toBe(true);
  });

  it('exports the account and sessions without any secret', async () => {
    const { caller, tokens } = await customer();
    const exported = await lifecycle.export(caller);
    const text = JSON.stringify(exported);
    expect(exported).toMatchObject({ account: { id: caller.userId, roles: ['customer'] }, sessions: [{ userAgent: 'Test/1.0' }] });
    expect(text).not.toContain('argon2');
    expect(text).not.toContain(tokens.refreshToken);
  });

  it('shows account details to platform admins only', async () => {
    const target = await customer();
    const admin = await customer(['customer', 'admin']);
    await expect(lifecycle.details(target.caller, admin.id)).rejects.toBeInstanceOf(AuthError);
    const details = await lifecycle.details(admin.caller, target.id);
    expect(details).toMatchObject({ account: { id: target.id }, sessionsCount: 1 });
    await expect(lifecycle.details(admin.caller, randomUUID())).rejects.toMatchObject({ code: 'ACCOUNT_NOT_FOUND' });
  });
});
