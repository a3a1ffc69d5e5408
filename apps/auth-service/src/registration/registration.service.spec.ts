import { createLogger, type Db } from '@msp/platform';
import { FakeUnitOfWork } from '@msp/testing';
import { describe, expect, it } from 'vitest';
import type { AccountRow, AccountsRepository, NewAccount } from '../accounts/accounts.repository.js';
import { AuthError } from '../auth.errors.js';
import { testSettings } from '../testing/test-settings.js';
import { hashToken } from '../passwords/opaque-token.js';
import type { PasswordHasher } from '../passwords/password-hasher.js';
import type { UserServiceClient } from '../profiles/profiles.client.js';
import { RegistrationService } from './registration.service.js';

const settings = testSettings;

/** The accounts table in memory; `log` is shared with the profile client to see the order of steps. */
class FakeAccounts {
  readonly byEmail = new Map<string, AccountRow>();
  readonly tokens = new Map<string, { accountId: string; expiresAt: Date; usedAt?: Date }>();
  readonly writesOutsideUnitOfWork: string[] = [];
  /** Simulates a concurrent sign-up that inserts the same email between our check and our insert. */
  loseInsertRace = false;

  constructor(
    private readonly log: string[],
    private readonly unitOfWork: FakeUnitOfWork,
  ) {}

  async findByEmail(email: string) {
    return this.byEmail.get(email);
  }
  async findById(id: string) {
    return [...this.byEmail.values()].find((account) => account.id === id);
  }
  async insert(account: NewAccount, tx: Db) {
    this.log.push('insert account');
    this.expectInside('insert', tx);
    if (this.loseInsertRace || this.byEmail.has(account.email)) return false;
    const now = new Date();
    this.byEmail.set(account.email, {
      roles: ['customer'],
      status: 'active',
      emailVerifiedAt: null,
      mfaEnabled: false,
      createdAt: now,
      updatedAt: now,
      ...account,
    } as AccountRow);
    return true;
  }
  async insertVerificationToken(accountId: string, tokenHash: string, expiresAt: Date, tx: Db) {
    this.expectInside('insertVerificationToken', tx);
    this.tokens.set(tokenHash, { accountId, expiresAt });
  }
  async consumeVerificationToken(tokenHash: string, now: Date, tx: Db) {
    this.expectInside('consumeVerificationToken', tx);
    const token = this.tokens.get(tokenHash);
    if (!token || token.usedAt || token.expiresAt <= now) return undefined;
    token.usedAt = now;
    return token.accountId;
  }
  async markEmailVerified(id: string, at: Date, tx: Db) {
    this.expectInside('markEmailVerified', tx);
    const account = await this.findById(id);
    if (account) account.emailVerifiedAt = at;
  }
  private expectInside(method: string, tx: Db) {
    if (tx !== this.unitOfWork.tx || !this.unitOfWork.inside) this.writesOutsideUnitOfWork.push(method);
  }
}

function setUp() {
  const log: string[] = [];
  const unitOfWork = new FakeUnitOfWork();
  const accounts = new FakeAccounts(log, unitOfWork);
  const profiles = { created: [] as Array<{ userId?: string; email?: string }>, deleted: [] as string[], failDelete: false };
  const users = {
    createProfile: async (request: { userId?: string; email?: string }) => {
      log.push('create profile');
      profiles.created.push(request);
      return {};
    },
    deleteProfile: async (request: { userId?: string }) => {
      if (profiles.failDelete) throw new Error('user service unavailable');
      profiles.deleted.push(request.userId ?? '');
      return {};
    },
  };
  const hasher = { hash: async (password: string) => `hashed:${password}` };
  const service = new RegistrationService(
    accounts as unknown as AccountsRepository,
    hasher as unknown as PasswordHasher,
    unitOfWork.asUnitOfWork(),
    users as unknown as UserServiceClient,
    settings,
    createLogger('test', 'silent'),
  );
  return { service, accounts, unitOfWork, profiles, log };
}

const person = (email = 'Ada.Lovelace@Example.COM ') => ({ email, password: 'correct horse battery', displayName: 'Ada' });

describe('RegistrationService.register', () => {
  it('lower-cases the email, creates the profile before the account and records both events in one unit of work', async () => {
    const { service, accounts, unitOfWork, profiles, log } = setUp();

    const userId = await service.register(person());

    expect(log).toEqual(['create profile', 'insert account']);
    expect(profiles.created).toEqual([{ userId, email: 'ada.lovelace@example.com', displayName: 'Ada', locale: 'en' }]);
    expect(accounts.byEmail.get('ada.lovelace@example.com')).toMatchObject({ id: userId, passwordHash: 'hashed:correct horse battery' });
    expect(accounts.writesOutsideUnitOfWork).toEqual([]);
    expect(unitOfWork.committed.map((event) => event.type)).toEqual(['auth.user.registered.v1', 'auth.email_verification.requested.v1']);
    expect(unitOfWork.committed[0]).toMatchObject({
      subject: userId,
      data: { userId, email: 'ada.lovelace@example.com', displayName: 'Ada' },
    });
  });

  it('emails the raw verification token but stores only its hash, expiring after the configured time', async () => {
    const { service, accounts, unitOfWork } = setUp();
    const before = Date.now();

    await service.register(person());

    const requested = unitOfWork.committed.find((event) => event.type === 'auth.email_verification.requested.v1');
    const data = requested?.data as { token: string; expiresAt: string };
    expect([...accounts.tokens.keys()]).toEqual([hashToken(data.token)]);
    expect(accounts.tokens.has(data.token)).toBe(false);
    expect(Date.parse(data.expiresAt)).toBeGreaterThanOrEqual(before + settings.emailVerificationTtlMs);
  });

  it('rejects an invalid registration, naming every field at fault, and creates nothing', async () => {
    const { service, log, unitOfWork } = setUp();

    const error = await service.register({ email: 'not-an-email', password: 'short', displayName: '   ' }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(AuthError);
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect((error as AuthError).fields.map((field) => field.path).sort()).toEqual(['displayName', 'email', 'password']);
    expect(log).toEqual([]);
    expect(unitOfWork.committed).toEqual([]);
  });

  it('refuses an email already registered in any spelling, before creating a profile', async () => {
    const { service, log } = setUp();
    await service.register(person('grace@example.com'));
    log.length = 0;

    await expect(service.register(person('  GRACE@example.com'))).rejects.toMatchObject({ code: 'EMAIL_TAKEN' });
    expect(log).toEqual([]);
  });

  it('deletes the profile it created and answers EMAIL_TAKEN when a concurrent sign-up wins the email', async () => {
    const { service, accounts, profiles, unitOfWork } = setUp();
    accounts.loseInsertRace = true;

    const error = await service.register(person()).catch((e: unknown) => e);

    expect(error).toMatchObject({ code: 'EMAIL_TAKEN', fields: [{ path: 'email' }] });
    expect(profiles.created).toHaveLength(1);
    expect(profiles.deleted).toEqual([profiles.created[0]?.userId]);
    expect(unitOfWork.committed).toEqual([]);
  });

  it('still answers EMAIL_TAKEN when the orphan profile cannot be deleted', async () => {
    const { service, accounts, profiles } = setUp();
    accounts.loseInsertRace = true;
    profiles.failDelete = true;

    await expect(service.register(person())).rejects.toMatchObject({ code: 'EMAIL_TAKEN' });
  });
});

describe('RegistrationService.verifyEmail', () => {
  it('verifies the account with the emailed token and records the event, in the unit of work', async () => {
    const { service, accounts, unitOfWork } = setUp();
    const userId = await service.register(person());
    const token = (unitOfWork.committed[1]?.data as { token: string }).token;

    await service.verifyEmail(token);

    expect(accounts.byEmail.get('ada.lovelace@example.com')?.emailVerifiedAt).toBeInstanceOf(Date);
    expect(unitOfWork.committed.at(-1)).toMatchObject({
      type: 'auth.email.verified.v1',
      data: { userId, email: 'ada.lovelace@example.com' },
    });
    expect(accounts.writesOutsideUnitOfWork).toEqual([]);
  });

  it('answers INVALID_TOKEN for a token used before', async () => {
    const { service, unitOfWork } = setUp();
    await service.register(person());
    const token = (unitOfWork.committed[1]?.data as { token: string }).token;
    await service.verifyEmail(token);

    await expect(service.verifyEmail(token)).rejects.toMatchObject({ code: 'INVALID_TOKEN' });
  });

  it('answers INVALID_TOKEN for a token nobody issued', async () => {
    const { service, unitOfWork } = setUp();

    const error = await service.verifyEmail('not-a-token-we-issued').catch((e: unknown) => e);

    expect(error).toBeInstanceOf(AuthError);
    expect(error).toMatchObject({ code: 'INVALID_TOKEN' });
    expect(unitOfWork.committed).toEqual([]);
  });
});
