import { randomUUID } from 'node:crypto';
import { MemoryCache, UnitOfWork, type Db } from '@msp/platform';
import { migratedPglite, type TestDatabase } from '@msp/testing';
import { hash as argon2Hash } from '@node-rs/argon2';
import { eq } from 'drizzle-orm';
import { createLocalJWKSet, jwtVerify } from 'jose';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { AccountsRepository, type AccountRow } from '../accounts/accounts.repository.js';
import { AccountsService } from '../accounts/accounts.service.js';
import { AuthError } from '../auth.errors.js';
import { testSettings } from '../testing/test-settings.js';
import { migrationsFolder } from '../db/migrations-folder.js';
import { mfaChallenges, outbox, sessions } from '../db/schema.js';
import { MfaRepository } from '../mfa/mfa.repository.js';
import { MfaService } from '../mfa/mfa.service.js';
import { currentStep, totpCode } from '../mfa/totp.js';
import { hashToken } from '../passwords/opaque-token.js';
import { PasswordHasher } from '../passwords/password-hasher.js';
import { SigningKeysRepository } from '../signing-keys/signing-keys.repository.js';
import { SigningKeysService } from '../signing-keys/signing-keys.service.js';
import { LoginThrottle } from '../throttling/login-throttle.js';
import { LoginService, type LoginResult } from './login.service.js';
import { SessionIssuer, type Tokens } from './session-issuer.js';
import { SessionsRepository } from './sessions.repository.js';

const settings = testSettings;
const PASSWORD = 'right horse battery staple';
const CURRENT_PARAMETERS = '$argon2id$v=19$m=19456,t=2,p=1$';

let database: TestDatabase;
let db: Db;
let accounts: AccountsRepository;
let hasher: PasswordHasher;
let keys: SigningKeysService;
let mfa: MfaService;
let passwordHash: string;
let issuer: SessionIssuer;
let makeLogin: () => LoginService;
let login: LoginService;
let lastIp = 0;

beforeAll(async () => {
  database = await migratedPglite('auth', migrationsFolder);
  db = database.db;
  accounts = new AccountsRepository(db);
  hasher = new PasswordHasher();
  passwordHash = await hasher.hash(PASSWORD);
  const unitOfWork = new UnitOfWork(db, outbox, 'auth');
  keys = new SigningKeysService(new SigningKeysRepository(db), unitOfWork, settings);
  mfa = new MfaService(new AccountsService(accounts), accounts, new MfaRepository(db), unitOfWork);
  issuer = new SessionIssuer(new SessionsRepository(db), keys, unitOfWork, settings);
  makeLogin = () =>
    new LoginService(accounts, hasher, new LoginThrottle(new MemoryCache()), mfa, new MfaRepository(db), issuer, unitOfWork);
});
afterAll(() => database?.close());
// A fresh throttle for every test: the counters of one test never hold back another.
beforeEach(() => {
  login = makeLogin();
});

const client = () => ({ userAgent: 'TestAgent/1.0', ip: `203.0.113.${++lastIp}` });

async function newAccount(overrides: Partial<AccountRow> = {}): Promise<AccountRow> {
  const id = randomUUID();
  await accounts.insert({ id, email: `user-${id}@example.test`, passwordHash, ...overrides });
  return (await accounts.findById(id))!;
}

/** An account with TOTP on; its factor last accepted the previous step, so the current step's code is fresh. */
async function mfaAccount() {
  const account = await newAccount();
  const caller = { userId: account.id, sessionId: randomUUID(), roles: account.roles };
  const { secret } = await mfa.enroll(caller);
  const recoveryCodes = await mfa.confirm(caller, totpCode(secret, currentStep() - 1));
  return { account, secret, recoveryCodes, code: (offset = 0) => totpCode(secret, currentStep() + offset) };
}

/** A six-digit code that no step near now accepts. */
function wrongCode(secret: string): string {
  const valid = new Set([-2, -1, 0, 1, 2].map((offset) => totpCode(secret, currentStep() + offset)));
  for (let n = 0; ; n++) if (!valid.has(String(n).padStart(6, '0'))) return String(n).padStart(6, '0');
}

const tokensOf = (result: LoginResult): Tokens => ('tokens' in result ? result.tokens : expect.fail('expected tokens'));
const mfaTokenOf = (result: LoginResult): string => ('mfaToken' in result ? result.mfaToken : expect.fail('expected an MFA challenge'));
const sessionsOf = (accountId: string) => db.select().from(sessions).where(eq(sessions.accountId, accountId));

describe('LoginService.login', () => {
  it('opens a session for the right password, whatever the spelling of the email, with a verifiable access token', async () => {
    const ada = await newAccount({ roles: ['customer', 'admin'] });
    const from = client();

    const tokens = tokensOf(await login.login(`  ${ada.email.toUpperCase()}`, PASSWORD, from));

    expect(tokens.refreshToken.length).toBeGreaterThanOrEqual(43);
    const { payload } = await jwtVerify(tokens.accessToken, createLocalJWKSet(await keys.jwks()), {
      issuer: 'test-issuer',
      audience: 'test-audience',
    });
    const [session] = await sessionsOf(ada.id);
    expect(payload).toMatchObject({ sub: ada.id, sid: session?.id, roles: ['customer', 'admin'] });
    expect(session).toMatchObject({ userAgent: 'TestAgent/1.0', ip: from.ip, revokedAt: null });
  });

  it('gives an unknown email and a wrong password the same INVALID_CREDENTIALS, checking a hash either way', async () => {
    const ada = await newAccount();
    const verify = vi.spyOn(hasher, 'verify');

    const unknown = await login.login('nobody@example.test', PASSWORD, client()).catch((e: unknown) => e);
    const wrong = await login.login(ada.email, 'wrong password', client()).catch((e: unknown) => e);

    expect(unknown).toBeInstanceOf(AuthError);
    expect(wrong).toBeInstanceOf(AuthError);
    expect({ code: (unknown as AuthError).code, message: (unknown as AuthError).message }).toEqual({
      code: (wrong as AuthError).code,
      message: (wrong as AuthError).message,
    });
    expect((unknown as AuthError).code).toBe('INVALID_CREDENTIALS');
    expect(verify.mock.calls.map(([storedHash]) => storedHash)).toEqual([undefined, ada.passwordHash]);
    verify.mockRestore();
    expect(await sessionsOf(ada.id)).toEqual([]);
  });

  it('answers ACCOUNT_SUSPENDED to a suspended account with the right password only', async () => {
    const suspended = await newAccount({ status: 'suspended' });

    await expect(login.login(suspended.email, PASSWORD, client())).rejects.toMatchObject({ code: 'ACCOUNT_SUSPENDED' });
    await expect(login.login(suspended.email, 'wrong password', client())).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS' });
    expect(await sessionsOf(suspended.id)).toEqual([]);
  });

  it("rehashes a password stored with other argon2 parameters at today's parameters", async () => {
    const ada = await newAccount({ passwordHash: await argon2Hash(PASSWORD, { memoryCost: 4096 }) });
    expect(ada.passwordHash).toMatch(/^\$argon2id\$v=19\$m=4096,/);

    tokensOf(await login.login(ada.email, PASSWORD, client()));

    const rehashed = (await accounts.findById(ada.id))!.passwordHash;
    expect(rehashed.startsWith(CURRENT_PARAMETERS)).toBe(true);
    expect(await hasher.verify(rehashed, PASSWORD)).toBe(true);
    tokensOf(await login.login(ada.email, PASSWORD, client()));
    expect((await accounts.findById(ada.id))!.passwordHash).toBe(rehashed);
  });

  it('holds back unknown and known emails alike after five failures, even with the right password', async () => {
    const ada = await newAccount();
    for (const email of [ada.email, 'nobody-at-all@example.test']) {
      const from = client();
      for (let attempt = 1; attempt <= 6; attempt++) {
        await expect(login.login(email, 'wrong password', from)).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS' });
      }
      await expect(login.login(email, PASSWORD, client())).rejects.toMatchObject({ code: 'TOO_MANY_ATTEMPTS', retryAfterSeconds: 2 });
    }
  });
});

describe('LoginService with a second factor', () => {
  it('answers an mfaToken instead of tokens and opens no session yet', async () => {
    const { account } = await mfaAccount();

    const result = await login.login(account.email, PASSWORD, client());

    expect(Object.keys(result)).toEqual(['mfaToken']);
    expect(mfaTokenOf(result).length).toBeGreaterThanOrEqual(43);
    expect(await sessionsOf(account.id)).toEqual([]);
  });

  it('opens the session for a valid TOTP code, with the device of the sign-in', async () => {
    const { account, code } = await mfaAccount();
    const from = client();
    const mfaToken = mfaTokenOf(await login.login(account.email, PASSWORD, from));

    const tokens = await login.verifyMfa(mfaToken, code(), client());

    const [session] = await sessionsOf(account.id);
    expect(session).toMatchObject({ ip: from.ip, userAgent: 'TestAgent/1.0' });
    const { payload } = await jwtVerify(tokens.accessToken, createLocalJWKSet(await keys.jwks()), {
      issuer: 'test-issuer',
      audience: 'test-audience',
    });
    expect(payload).toMatchObject({ sub: account.id, sid: session?.id });
  });

  it('accepts a TOTP code only once', async () => {
    const { account, code } = await mfaAccount();
    const used = code();
    await login.verifyMfa(mfaTokenOf(await login.login(account.email, PASSWORD, client())), used, client());

    const again = mfaTokenOf(await login.login(account.email, PASSWORD, client()));

    await expect(login.verifyMfa(again, used, client())).rejects.toMatchObject({ code: 'INVALID_MFA_CODE' });
  });

  it('accepts a recovery code once', async () => {
    const { account, recoveryCodes } = await mfaAccount();
    const [recovery] = recoveryCodes;

    const first = mfaTokenOf(await login.login(account.email, PASSWORD, client()));
    await expect(login.verifyMfa(first, recovery!, client())).resolves.toMatchObject({ expiresIn: 600 });

    const second = mfaTokenOf(await login.login(account.email, PASSWORD, client()));
    await expect(login.verifyMfa(second, recovery!, client())).rejects.toMatchObject({ code: 'INVALID_MFA_CODE' });
    await expect(login.verifyMfa(second, recoveryCodes[1]!.toUpperCase(), client())).resolves.toBeDefined();
  });

  it('answers INVALID_MFA_TOKEN for an unknown, a used and an expired challenge', async () => {
    const { account, code } = await mfaAccount();
    await expect(login.verifyMfa('never-issued', code(), client())).rejects.toMatchObject({ code: 'INVALID_MFA_TOKEN' });

    const used = mfaTokenOf(await login.login(account.email, PASSWORD, client()));
    await login.verifyMfa(used, code(), client());
    await expect(login.verifyMfa(used, code(1), client())).rejects.toMatchObject({ code: 'INVALID_MFA_TOKEN' });

    const expired = mfaTokenOf(await login.login(account.email, PASSWORD, client()));
    await db
      .update(mfaChallenges)
      .set({ expiresAt: new Date(Date.now() - 1) })
      .where(eq(mfaChallenges.tokenHash, hashToken(expired)));
    await expect(login.verifyMfa(expired, code(1), client())).rejects.toMatchObject({ code: 'INVALID_MFA_TOKEN' });
  });

  it('exhausts a challenge after five wrong codes: even the right one is refused then', async () => {
    const { account, secret, code } = await mfaAccount();
    const mfaToken = mfaTokenOf(await login.login(account.email, PASSWORD, client()));

    for (let attempt = 1; attempt <= 5; attempt++) {
      await expect(login.verifyMfa(mfaToken, wrongCode(secret), client())).rejects.toMatchObject({ code: 'INVALID_MFA_CODE' });
    }

    await expect(login.verifyMfa(mfaToken, code(), client())).rejects.toMatchObject({ code: 'INVALID_MFA_TOKEN' });
    expect(await sessionsOf(account.id)).toEqual([]);
  });

  it('refuses the second step of an account suspended after its password step', async () => {
    const { account, code } = await mfaAccount();
    const mfaToken = mfaTokenOf(await login.login(account.email, PASSWORD, client()));
    await accounts.update(account.id, { status: 'suspended' });

    await expect(login.verifyMfa(mfaToken, code(), client())).rejects.toMatchObject({ code: 'ACCOUNT_SUSPENDED' });
  });

  // Knowing the password must not buy an unlimited supply of second-factor guesses: the account's
  // failure count has to survive the password step, or the per-account lockout never applies to codes.
  it('keeps counting wrong codes across new challenges: the password step does not clear them', async () => {
    const { account, secret, code } = await mfaAccount();
    const from = client();
    const first = mfaTokenOf(await login.login(account.email, PASSWORD, from));
    for (let attempt = 1; attempt <= 5; attempt++) {
      await expect(login.verifyMfa(first, wrongCode(secret), from)).rejects.toMatchObject({ code: 'INVALID_MFA_CODE' });
    }

    const second = mfaTokenOf(await login.login(account.email, PASSWORD, client()));
    await expect(login.verifyMfa(second, wrongCode(secret), client())).rejects.toMatchObject({ code: 'INVALID_MFA_CODE' });

    await expect(login.verifyMfa(second, code(), client())).rejects.toMatchObject({ code: 'TOO_MANY_ATTEMPTS' });
  });
});
