import { randomUUID } from 'node:crypto';
import { createLogger, MemoryCache, RevocationList, UnitOfWork, type Caller, type Db } from '@msp/platform';
import { migratedPglite, type TestDatabase } from '@msp/testing';
import { eq } from 'drizzle-orm';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccountsRepository, type AccountRow } from '../accounts/accounts.repository.js';
import { AccountsService } from '../accounts/accounts.service.js';
import { AuthError } from '../auth.errors.js';
import { testSettings } from '../testing/test-settings.js';
import { migrationsFolder } from '../db/migrations-folder.js';
import { outbox, passwordResetTokens, sessions } from '../db/schema.js';
import { SessionIssuer, type Tokens } from '../sessions/session-issuer.js';
import { SessionsRepository } from '../sessions/sessions.repository.js';
import { SessionsService } from '../sessions/sessions.service.js';
import { SigningKeysRepository } from '../signing-keys/signing-keys.repository.js';
import { SigningKeysService } from '../signing-keys/signing-keys.service.js';
import { LoginThrottle } from '../throttling/login-throttle.js';
import { hashToken } from './opaque-token.js';
import { PasswordHasher } from './password-hasher.js';
import { PasswordResetRepository } from './password-reset.repository.js';
import { PasswordsService } from './passwords.service.js';

const settings = testSettings;
const client = { userAgent: 'TestAgent/1.0', ip: '203.0.113.7' };
const OLD_PASSWORD = 'old horse battery staple';
const NEW_PASSWORD = 'new violet lantern orbit';

type Event = { type: string; subject?: string; data: Record<string, unknown> };

let database: TestDatabase;
let db: Db;
let accounts: AccountsRepository;
let hasher: PasswordHasher;
let issuer: SessionIssuer;
let revocations: RevocationList;
let sessionsService: SessionsService;
let throttle: LoginThrottle;
let service: PasswordsService;
let oldHash: string;

beforeAll(async () => {
  database = await migratedPglite('auth', migrationsFolder);
  db = database.db;
  const unitOfWork = new UnitOfWork(db, outbox, 'auth');
  const sessionsRepository = new SessionsRepository(db);
  accounts = new AccountsRepository(db);
  hasher = new PasswordHasher();
  oldHash = await hasher.hash(OLD_PASSWORD);
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
  throttle = new LoginThrottle(new MemoryCache());
  const resets = new PasswordResetRepository(db);
  service = new PasswordsService(accounts, new AccountsService(accounts), resets, hasher, sessionsService, throttle, unitOfWork, settings);
});
afterAll(() => database?.close());

async function newAccount(overrides: Partial<AccountRow> = {}): Promise<AccountRow> {
  const id = randomUUID();
  await accounts.insert({ id, email: `user-${id}@example.test`, passwordHash: oldHash, ...overrides });
  return (await accounts.findById(id))!;
}

function callerOf(tokens: Tokens): Caller {
  const claims = decodeJwt(tokens.accessToken);
  return { userId: claims.sub!, sessionId: claims.sid as string, roles: claims.roles as string[] };
}

async function allEvents(): Promise<Event[]> {
  const rows = await db.select({ envelope: outbox.envelope }).from(outbox).orderBy(outbox.seq);
  return rows.map((row) => row.envelope as Event);
}
const eventsAbout = async (subject: string) => (await allEvents()).filter((event) => event.subject === subject);

const passwordIs = async (accountId: string, password: string) =>
  hasher.verify((await accounts.findById(accountId))!.passwordHash, password);
const isLive = async (sessionId: string) => (await db.select().from(sessions).where(eq(sessions.id, sessionId)))[0]?.revokedAt === null;

/** Asks for a reset link and returns the token the email would carry. */
async function resetTokenFor(account: AccountRow): Promise<string> {
  await service.forgot(account.email);
  const requested = (await eventsAbout(account.id)).filter((event) => event.type === 'auth.password_reset.requested.v1').at(-1);
  return requested?.data.token as string;
}

describe('PasswordsService.forgot', () => {
  it('does nothing, and does not throw, for an email without an account', async () => {
    const [eventsBefore, tokensBefore] = [(await allEvents()).length, (await db.select().from(passwordResetTokens)).length];

    await expect(service.forgot('nobody-here@example.test')).resolves.toBeUndefined();

    expect(await allEvents()).toHaveLength(eventsBefore);
    expect(await db.select().from(passwordResetTokens)).toHaveLength(tokensBefore);
  });

  it('emails a single-use token to a known address in any spelling, storing only its hash', async () => {
    const ada = await newAccount();
    const before = Date.now();

    await service.forgot(`  ${ada.email.toUpperCase()}`);

    const [requested] = (await eventsAbout(ada.id)).filter((event) => event.type === 'auth.password_reset.requested.v1');
    expect(requested?.data).toEqual({ userId: ada.id, email: ada.email, token: expect.any(String), expiresAt: expect.any(String) });
    const token = requested?.data.token as string;
    expect(token.length).toBeGreaterThanOrEqual(43);
    expect(Date.parse(requested?.data.expiresAt as string)).toBeGreaterThanOrEqual(before + settings.passwordResetTtlMs);
    const stored = await db.select().from(passwordResetTokens).where(eq(passwordResetTokens.accountId, ada.id));
    expect(stored.map((row) => row.tokenHash)).toEqual([hashToken(token)]);
  });

  it('sends nothing for a suspended account', async () => {
    const suspended = await newAccount({ status: 'suspended' });

    await service.forgot(suspended.email);

    expect(await eventsAbout(suspended.id)).toEqual([]);
  });
});

describe('PasswordsService.reset', () => {
  it('sets the new password, ends every session and announces the change', async () => {
    const ada = await newAccount();
    const sessionIds = [callerOf(await issuer.start(ada, client)).sessionId, callerOf(await issuer.start(ada, client)).sessionId];
    const token = await resetTokenFor(ada);

    await service.reset(token, NEW_PASSWORD);

    expect(await passwordIs(ada.id, NEW_PASSWORD)).toBe(true);
    expect(await passwordIs(ada.id, OLD_PASSWORD)).toBe(false);
    for (const sessionId of sessionIds) {
      expect(await isLive(sessionId)).toBe(false);
      expect(await revocations.isSessionRevoked(sessionId)).toBe(true);
    }
    const events = await eventsAbout(ada.id);
    expect(events.filter((event) => event.type === 'auth.session.revoked.v1').map((event) => event.data)).toEqual(
      expect.arrayContaining(sessionIds.map((sessionId) => ({ userId: ada.id, sessionId, reason: 'password_changed' }))),
    );
    expect(events.at(-1)).toMatchObject({ type: 'auth.password.changed.v1', data: { userId: ada.id, email: ada.email, via: 'reset' } });
  });

  it('accepts a token once', async () => {
    const ada = await newAccount();
    const token = await resetTokenFor(ada);
    await service.reset(token, NEW_PASSWORD);

    const error = await service.reset(token, 'yet another fine passphrase').catch((e: unknown) => e);

    expect(error).toBeInstanceOf(AuthError);
    expect(error).toMatchObject({ code: 'INVALID_TOKEN' });
    expect(await passwordIs(ada.id, NEW_PASSWORD)).toBe(true);
  });

  it('voids the other outstanding links of the account', async () => {
    const ada = await newAccount();
    const older = await resetTokenFor(ada);
    const newer = await resetTokenFor(ada);

    await service.reset(newer, NEW_PASSWORD);

    await expect(service.reset(older, 'yet another fine passphrase')).rejects.toMatchObject({ code: 'INVALID_TOKEN' });
  });

  it('refuses an expired token and one nobody issued', async () => {
    const ada = await newAccount();
    const token = await resetTokenFor(ada);
    await db
      .update(passwordResetTokens)
      .set({ expiresAt: new Date(Date.now() - 1) })
      .where(eq(passwordResetTokens.tokenHash, hashToken(token)));

    await expect(service.reset(token, NEW_PASSWORD)).rejects.toMatchObject({ code: 'INVALID_TOKEN' });
    await expect(service.reset('never-issued', NEW_PASSWORD)).rejects.toMatchObject({ code: 'INVALID_TOKEN' });
    expect(await passwordIs(ada.id, OLD_PASSWORD)).toBe(true);
  });

  it('refuses a breached password with a problem on newPassword, leaving the token usable', async () => {
    const ada = await newAccount();
    const sessionId = callerOf(await issuer.start(ada, client)).sessionId;
    const token = await resetTokenFor(ada);

    const error = await service.reset(token, 'password123').catch((e: unknown) => e);

    expect(error).toBeInstanceOf(AuthError);
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: 'newPassword', message: expect.stringMatching(/common/) }] });
    expect(await passwordIs(ada.id, OLD_PASSWORD)).toBe(true);
    expect(await isLive(sessionId)).toBe(true);
    await expect(service.reset(token, NEW_PASSWORD)).resolves.toBeUndefined();
  });

  it('lifts a lockout of the account: the owner proved control of the mailbox', async () => {
    const ada = await newAccount();
    for (let i = 0; i < 6; i++) await throttle.recordFailure(ada.email, '198.51.100.1');
    await expect(throttle.assertAllowed(ada.email, '198.51.100.2')).rejects.toMatchObject({ code: 'TOO_MANY_ATTEMPTS' });

    await service.reset(await resetTokenFor(ada), NEW_PASSWORD);

    await expect(throttle.assertAllowed(ada.email, '198.51.100.2')).resolves.toBeUndefined();
  });
});

describe('PasswordsService.change', () => {
  it('checks the current password and changes nothing when it is wrong', async () => {
    const ada = await newAccount();
    const caller = callerOf(await issuer.start(ada, client));

    const error = await service.change(caller, 'not my password', NEW_PASSWORD).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(AuthError);
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: 'currentPassword' }] });
    expect(await passwordIs(ada.id, OLD_PASSWORD)).toBe(true);
  });

  it('changes the password, keeps the current session and ends the others', async () => {
    const ada = await newAccount();
    const current = callerOf(await issuer.start(ada, client));
    const other = callerOf(await issuer.start(ada, client));

    await service.change(current, OLD_PASSWORD, NEW_PASSWORD);

    expect(await passwordIs(ada.id, NEW_PASSWORD)).toBe(true);
    expect(await isLive(current.sessionId)).toBe(true);
    expect(await revocations.isSessionRevoked(current.sessionId)).toBe(false);
    expect(await isLive(other.sessionId)).toBe(false);
    expect(await revocations.isSessionRevoked(other.sessionId)).toBe(true);
    expect((await eventsAbout(ada.id)).at(-1)).toMatchObject({
      type: 'auth.password.changed.v1',
      data: { userId: ada.id, email: ada.email, via: 'change' },
    });
  });

  it('refuses a new password the policy rejects, and an anonymous caller', async () => {
    const ada = await newAccount();
    const caller = callerOf(await issuer.start(ada, client));

    await expect(service.change(caller, OLD_PASSWORD, 'password123')).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: [{ path: 'newPassword' }],
    });
    await expect(service.change(undefined, OLD_PASSWORD, NEW_PASSWORD)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(await passwordIs(ada.id, OLD_PASSWORD)).toBe(true);
  });
});
