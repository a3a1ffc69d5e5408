import { randomUUID } from 'node:crypto';
import { UnitOfWork, type Caller, type Db } from '@msp/platform';
import { migratedPglite, type TestDatabase } from '@msp/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccountsRepository, type AccountRow } from '../accounts/accounts.repository.js';
import { AccountsService } from '../accounts/accounts.service.js';
import { AuthError } from '../auth.errors.js';
import { migrationsFolder } from '../db/migrations-folder.js';
import { outbox, recoveryCodes, totpFactors } from '../db/schema.js';
import { hashToken } from '../passwords/opaque-token.js';
import { MfaRepository } from './mfa.repository.js';
import { MfaService } from './mfa.service.js';
import { currentStep, totpCode } from './totp.js';

type Event = { type: string; subject?: string; data: Record<string, unknown> };

let database: TestDatabase;
let db: Db;
let accounts: AccountsRepository;
let service: MfaService;

beforeAll(async () => {
  database = await migratedPglite('auth', migrationsFolder);
  db = database.db;
  accounts = new AccountsRepository(db);
  service = new MfaService(new AccountsService(accounts), accounts, new MfaRepository(db), new UnitOfWork(db, outbox, 'auth'));
});
afterAll(() => database?.close());

async function newAccount(): Promise<{ account: AccountRow; caller: Caller }> {
  const id = randomUUID();
  await accounts.insert({ id, email: `user-${id}@example.test`, passwordHash: 'not-used-here' });
  return { account: (await accounts.findById(id))!, caller: { userId: id, sessionId: randomUUID(), roles: ['customer'] } };
}

async function eventsAbout(subject: string): Promise<Event[]> {
  const rows = await db.select({ envelope: outbox.envelope }).from(outbox).orderBy(outbox.seq);
  return rows.map((row) => row.envelope as Event).filter((event) => event.subject === subject);
}

/** An account with TOTP confirmed at the current step, and its secret and recovery codes. */
async function enabled() {
  const { account, caller } = await newAccount();
  const { secret } = await service.enroll(caller);
  const step = currentStep();
  const codes = await service.confirm(caller, totpCode(secret, step));
  return { account, caller, secret, codes, step };
}

const mfaEnabled = async (accountId: string) => (await accounts.findById(accountId))?.mfaEnabled;

describe('MfaService.enroll and confirm', () => {
  it('hands out a secret and an otpauth URL for the authenticator app, without turning MFA on yet', async () => {
    const { account, caller } = await newAccount();

    const { secret, otpauthUrl } = await service.enroll(caller);

    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const url = new URL(otpauthUrl);
    expect(url.protocol).toBe('otpauth:');
    expect(decodeURIComponent(url.pathname)).toContain(account.email);
    expect(url.searchParams.get('secret')).toBe(secret);
    expect(url.searchParams.get('issuer')).toEqual(expect.any(String));
    expect(await mfaEnabled(account.id)).toBe(false);
  });

  it('turns MFA on with a first valid code, returning ten single-use recovery codes stored only hashed', async () => {
    const { account, caller } = await newAccount();
    const { secret } = await service.enroll(caller);

    const codes = await service.confirm(caller, totpCode(secret, currentStep()));

    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[a-z0-9]{5}-[a-z0-9]{5}$/);
    expect(await mfaEnabled(account.id)).toBe(true);
    const stored = await db.select().from(recoveryCodes).where(eq(recoveryCodes.accountId, account.id));
    expect(stored).toHaveLength(10);
    expect(stored.map((row) => row.codeHash)).not.toContain(codes[0]);
    expect(stored.map((row) => row.codeHash)).toContain(hashToken(codes[0]!.replace('-', '')));
    expect(await eventsAbout(account.id)).toEqual([
      expect.objectContaining({ type: 'auth.mfa.enabled.v1', data: { userId: account.id, email: account.email } }),
    ]);
  });

  it('refuses a wrong code with a field problem and leaves MFA off', async () => {
    const { account, caller } = await newAccount();
    const { secret } = await service.enroll(caller);
    const wrong = totpCode(secret, currentStep() + 5);

    const error = await service.confirm(caller, wrong).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(AuthError);
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: 'code' }] });
    expect(await mfaEnabled(account.id)).toBe(false);
  });

  it('needs an enrolment before a confirmation, and refuses to enrol or confirm again once on', async () => {
    const { caller } = await newAccount();
    await expect(service.confirm(caller, '123456')).rejects.toMatchObject({ code: 'MFA_NOT_ENROLLED' });

    const on = await enabled();
    await expect(service.enroll(on.caller)).rejects.toMatchObject({ code: 'MFA_ALREADY_ENABLED' });
    await expect(service.confirm(on.caller, totpCode(on.secret, on.step + 1))).rejects.toMatchObject({ code: 'MFA_ALREADY_ENABLED' });
  });

  it('answers UNAUTHENTICATED without a caller', async () => {
    await expect(service.enroll(undefined)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});

describe('MfaService.useCode', () => {
  it('accepts a TOTP code of a step once, and each recovery code once', async () => {
    const { account, secret, codes, step } = await enabled();
    const next = totpCode(secret, step + 1);

    expect(await service.useCode(account.id, totpCode(secret, step))).toBe(false); // used by the confirmation
    expect(await service.useCode(account.id, next)).toBe(true);
    expect(await service.useCode(account.id, next)).toBe(false);
    expect(await service.useCode(account.id, codes[0]!)).toBe(true);
    expect(await service.useCode(account.id, codes[0]!)).toBe(false);
    expect(await service.useCode(account.id, ` ${codes[1]!.toUpperCase().replace('-', ' ')} `)).toBe(true);
    expect(await service.useCode(account.id, 'not-a-code')).toBe(false);
  });
});

describe('MfaService.disable', () => {
  it('needs a valid code: a wrong one leaves MFA on', async () => {
    const { account, caller, secret } = await enabled();

    const error = await service.disable(caller, totpCode(secret, currentStep() + 5)).catch((e: unknown) => e);

    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: 'code' }] });
    expect(await mfaEnabled(account.id)).toBe(true);
    expect(await db.select().from(totpFactors).where(eq(totpFactors.accountId, account.id))).toHaveLength(1);
  });

  it('turns MFA off with a fresh TOTP code, removing the factor and the recovery codes, and announces it', async () => {
    const { account, caller, secret, step } = await enabled();

    await service.disable(caller, totpCode(secret, step + 1));

    expect(await mfaEnabled(account.id)).toBe(false);
    expect(await db.select().from(totpFactors).where(eq(totpFactors.accountId, account.id))).toEqual([]);
    expect(await db.select().from(recoveryCodes).where(eq(recoveryCodes.accountId, account.id))).toEqual([]);
    expect((await eventsAbout(account.id)).at(-1)).toMatchObject({
      type: 'auth.mfa.disabled.v1',
      data: { userId: account.id, email: account.email },
    });
  });

  it('turns MFA off with a recovery code too, and answers MFA_NOT_ENROLLED when it is off', async () => {
    const { account, caller, codes } = await enabled();

    await service.disable(caller, codes[3]!);

    expect(await mfaEnabled(account.id)).toBe(false);
    await expect(service.disable(caller, codes[4]!)).rejects.toMatchObject({ code: 'MFA_NOT_ENROLLED' });
  });
});
