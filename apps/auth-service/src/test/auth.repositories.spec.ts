import { randomUUID } from 'node:crypto';
import type { Db } from '@msp/platform';
import { migratedPglite, type TestDatabase } from '@msp/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccountsRepository } from '../accounts/accounts.repository.js';
import { migrationsFolder } from '../db/migrations-folder.js';
import { hashToken, newOpaqueToken } from '../passwords/opaque-token.js';
import { SessionsRepository } from '../sessions/sessions.repository.js';

/**
 * The auth repositories' cases, run here on PGlite (no servers) and by `auth.repositories.int-spec.ts`
 * on PostgreSQL: the same SQL must behave the same on both engines.
 */
export function authRepositoryCases(open: () => Promise<TestDatabase>): void {
  let database: TestDatabase;
  let accounts: AccountsRepository;
  let sessions: SessionsRepository;

  beforeAll(async () => {
    database = await open();
    accounts = new AccountsRepository(database.db);
    sessions = new SessionsRepository(database.db);
  });
  afterAll(() => database?.close());

  const inTransaction = <R>(work: (tx: Db) => Promise<R>) => database.db.transaction((tx) => work(tx as unknown as Db));
  const hour = 3_600_000;

  async function newAccount() {
    const account = { id: randomUUID(), email: `user-${randomUUID()}@example.test`, passwordHash: 'argon2-hash' };
    expect(await accounts.insert(account)).toBe(true);
    return account;
  }

  async function newVerificationToken(accountId: string, expiresAt: Date) {
    const tokenHash = hashToken(newOpaqueToken());
    await accounts.insertVerificationToken(accountId, tokenHash, expiresAt);
    return tokenHash;
  }

  async function newSession() {
    const account = await newAccount();
    const session = { id: randomUUID(), accountId: account.id, expiresAt: new Date(Date.now() + 24 * hour) };
    const tokenHash = hashToken(newOpaqueToken());
    await sessions.create(session, tokenHash);
    return { session, tokenHash };
  }

  describe('AccountsRepository', () => {
    it('inserts an account once and answers false, not an error, for a second account with the same email', async () => {
      const first = await newAccount();

      const inserted = await accounts.insert({ id: randomUUID(), email: first.email, passwordHash: 'other-hash' });

      expect(inserted).toBe(false);
      expect(await accounts.findByEmail(first.email)).toMatchObject({
        id: first.id,
        passwordHash: 'argon2-hash',
        roles: ['customer'],
        status: 'active',
      });
    });

    it('refuses, in the schema, an email that is not stored lower-cased', async () => {
      await expect(accounts.insert({ id: randomUUID(), email: `Upper-${randomUUID()}@example.test`, passwordHash: 'h' })).rejects.toThrow();
    });

    it('consumes a verification token once', async () => {
      const account = await newAccount();
      const tokenHash = await newVerificationToken(account.id, new Date(Date.now() + hour));

      const first = await accounts.consumeVerificationToken(tokenHash, new Date());
      const second = await accounts.consumeVerificationToken(tokenHash, new Date());

      expect(first).toBe(account.id);
      expect(second).toBeUndefined();
    });

    it('lets only one of two concurrent consumers have the token', async () => {
      const account = await newAccount();
      const tokenHash = await newVerificationToken(account.id, new Date(Date.now() + hour));

      const results = await Promise.all([
        inTransaction((tx) => accounts.consumeVerificationToken(tokenHash, new Date(), tx)),
        inTransaction((tx) => accounts.consumeVerificationToken(tokenHash, new Date(), tx)),
      ]);

      expect(results.filter((result) => result === account.id)).toHaveLength(1);
      expect(results.filter((result) => result === undefined)).toHaveLength(1);
    });

    it('does not consume a token at or after its expiry, and leaves it unused', async () => {
      const account = await newAccount();
      const expiresAt = new Date(Date.now() + hour);
      const tokenHash = await newVerificationToken(account.id, expiresAt);

      expect(await accounts.consumeVerificationToken(tokenHash, expiresAt)).toBeUndefined();
      expect(await accounts.consumeVerificationToken(tokenHash, new Date(expiresAt.getTime() + 1))).toBeUndefined();
      expect(await accounts.consumeVerificationToken(tokenHash, new Date(expiresAt.getTime() - 1))).toBe(account.id);
    });

    it('does not consume a token nobody issued', async () => {
      expect(await accounts.consumeVerificationToken(hashToken(newOpaqueToken()), new Date())).toBeUndefined();
    });

    it('marks the email verified', async () => {
      const account = await newAccount();
      const at = new Date('2030-01-02T03:04:05.678Z');

      await accounts.markEmailVerified(account.id, at);

      expect((await accounts.findById(account.id))?.emailVerifiedAt).toEqual(at);
    });
  });

  describe('SessionsRepository', () => {
    it('finds the session of its current refresh token', async () => {
      const { session, tokenHash } = await newSession();

      expect(await sessions.findByRefreshToken(tokenHash)).toEqual({
        sessionId: session.id,
        accountId: session.accountId,
        replacedAt: null,
        sessionRevokedAt: null,
        sessionExpiresAt: session.expiresAt,
      });
    });

    it('rotates a refresh token once: a second rotation of the same old token answers false and adds nothing', async () => {
      const { session, tokenHash } = await newSession();
      const [second, third] = [hashToken(newOpaqueToken()), hashToken(newOpaqueToken())];

      expect(await inTransaction((tx) => sessions.rotate(session.id, tokenHash, second, new Date(), tx))).toBe(true);
      expect(await inTransaction((tx) => sessions.rotate(session.id, tokenHash, third, new Date(), tx))).toBe(false);

      expect((await sessions.findByRefreshToken(tokenHash))?.replacedAt).toBeInstanceOf(Date);
      expect((await sessions.findByRefreshToken(second))?.replacedAt).toBeNull();
      expect(await sessions.findByRefreshToken(third)).toBeUndefined();
    });

    it('lets only one of two concurrent rotations of the same token win', async () => {
      const { session, tokenHash } = await newSession();
      const candidates = [hashToken(newOpaqueToken()), hashToken(newOpaqueToken())];

      const results = await Promise.all(
        candidates.map((next) => inTransaction((tx) => sessions.rotate(session.id, tokenHash, next, new Date(), tx))),
      );

      expect(results.filter(Boolean)).toHaveLength(1);
      const live = await Promise.all(candidates.map((next) => sessions.findByRefreshToken(next)));
      expect(live.filter((found) => found !== undefined)).toHaveLength(1);
    });

    it('revokes a session once, keeping the first revocation time', async () => {
      const { session, tokenHash } = await newSession();
      const first = new Date('2030-01-01T00:00:00.000Z');

      await sessions.revoke(session.id, first);
      await sessions.revoke(session.id, new Date('2030-06-01T00:00:00.000Z'));

      expect((await sessions.findByRefreshToken(tokenHash))?.sessionRevokedAt).toEqual(first);
    });
  });
}

describe('auth repositories on PGlite', () => authRepositoryCases(() => migratedPglite('auth', migrationsFolder)));
