import { migratedPglite, type TestDatabase } from '@msp/testing';
import { Status } from 'nice-grpc';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationsFolder } from '../db/migrations-folder.js';
import { authEvent, userServiceKit, type UserServiceKit } from '../testing/user-service-kit.js';
import { ExportError, exportErrorStatus, type ExportErrorCode } from './export.errors.js';

describe('ExportService', () => {
  let database: TestDatabase;
  let kit: UserServiceKit;

  beforeAll(async () => {
    database = await migratedPglite('users', migrationsFolder);
    kit = userServiceKit(database.db);
  });
  afterAll(async () => {
    await kit?.close();
    await database?.close();
  });

  it("gives the caller's profile, preferences and account record, and survives a JSON round trip", async () => {
    const { userId, email, caller } = await kit.newUser({ displayName: 'Ada' });
    await kit.profiles.update(caller, { locale: 'de', avatarUrl: 'https://cdn.example.test/ada.png' });
    await kit.preferences.update(caller, { product: true });
    await kit.consumer.handle(authEvent('auth.email.verified.v1', { userId, email }));

    const exported = JSON.parse(JSON.stringify(await kit.exports.export(caller)));

    expect(exported).toEqual({
      profile: {
        userId,
        email,
        displayName: 'Ada',
        locale: 'de',
        timezone: 'UTC',
        avatarUrl: 'https://cdn.example.test/ada.png',
        createdAt: expect.stringMatching(/Z$/),
        updatedAt: expect.stringMatching(/Z$/),
      },
      notificationPreferences: { email: { security: true, account: true, projects: true, tasks: true, billing: true, product: true } },
      account: { roles: ['customer'], status: 'active', emailVerified: true, createdAt: expect.stringMatching(/Z$/) },
    });
  });

  it('shows the change made just before, never a cached copy', async () => {
    const { userId, caller } = await kit.newUser({ displayName: 'Old' });
    await kit.profiles.get(userId, caller);

    await kit.profiles.update(caller, { displayName: 'New' });

    expect((await kit.exports.export(caller)).profile.displayName).toBe('New');
  });

  it('needs a signed-in caller with a profile', async () => {
    const { caller } = await kit.newUser();
    await kit.profiles.delete(caller.userId);

    await expect(kit.exports.export(undefined)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(kit.exports.export(caller)).rejects.toMatchObject({ code: 'PROFILE_NOT_FOUND' });
  });
});

describe('exportErrorStatus', () => {
  // A Record over the code union: adding a code without a row here fails the type check.
  const expected: Record<ExportErrorCode, Status> = {
    UNAUTHENTICATED: Status.UNAUTHENTICATED,
    PROFILE_NOT_FOUND: Status.NOT_FOUND,
  };

  it.each(Object.entries(expected))('maps %s to gRPC status %i', (code, status) => {
    expect(exportErrorStatus(new ExportError(code as ExportErrorCode, 'message'))).toBe(status);
  });
});
