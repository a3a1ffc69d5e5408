import { migratedPglite, type TestDatabase } from '@msp/testing';
import { Status } from 'nice-grpc';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationsFolder } from '../db/migrations-folder.js';
import { authEvent, userServiceKit, type UserServiceKit } from '../testing/user-service-kit.js';
import { preferencesErrorStatus, PreferencesError, type PreferencesErrorCode } from './preferences.errors.js';

const defaults = { security: true, account: true, projects: true, tasks: true, billing: true, product: false };

describe('PreferencesService', () => {
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

  it('gives every category with its default to a user who never chose', async () => {
    const { caller } = await kit.newUser();

    expect(await kit.preferences.get(caller)).toEqual(defaults);
  });

  it('replaces the set: categories not named go back to their default', async () => {
    const { caller } = await kit.newUser();
    await kit.preferences.update(caller, { tasks: false, product: true });

    const saved = await kit.preferences.update(caller, { billing: false });

    expect(saved).toEqual({ ...defaults, billing: false });
    expect(await kit.preferences.get(caller)).toEqual({ ...defaults, billing: false });
  });

  it('records user.preferences.updated.v1 with every category when the set changed, and nothing otherwise', async () => {
    const { userId, caller } = await kit.newUser();

    await kit.preferences.update(caller, { projects: false });
    await kit.preferences.update(caller, { projects: false, security: true });

    const events = await kit.recorded('user.preferences.updated.v1', userId);
    expect(events.map((event) => event.data)).toEqual([{ userId, email: { ...defaults, projects: false } }]);
  });

  it('refuses to turn security emails off, with the field, and changes nothing', async () => {
    const { userId, caller } = await kit.newUser();

    await expect(kit.preferences.update(caller, { security: false, tasks: false })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: [{ path: 'email.security', message: 'cannot be turned off' }],
    });
    expect(await kit.preferences.get(caller)).toEqual(defaults);
    expect(await kit.recorded('user.preferences.updated.v1', userId)).toEqual([]);
  });

  it('refuses unknown categories, naming each', async () => {
    const { caller } = await kit.newUser();

    await expect(kit.preferences.update(caller, { tasks: true, marketing: true, spam: false })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: [
        { path: 'email.marketing', message: 'is not a notification category' },
        { path: 'email.spam', message: 'is not a notification category' },
      ],
    });
  });

  it('needs a signed-in caller', async () => {
    await expect(kit.preferences.get(undefined)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(kit.preferences.update(undefined, {})).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('answers PROFILE_NOT_FOUND for a deleted account, whose preferences are gone', async () => {
    const { userId, email, caller } = await kit.newUser();
    await kit.preferences.update(caller, { product: true });

    await kit.consumer.handle(authEvent('auth.user.deleted.v1', { userId, email }));

    expect(await kit.preferences.get(caller)).toEqual(defaults);
    await expect(kit.preferences.update(caller, { product: true })).rejects.toMatchObject({ code: 'PROFILE_NOT_FOUND' });
  });
});

describe('preferencesErrorStatus', () => {
  // A Record over the code union: adding a code without a row here fails the type check.
  const expected: Record<PreferencesErrorCode, Status> = {
    VALIDATION_FAILED: Status.INVALID_ARGUMENT,
    UNAUTHENTICATED: Status.UNAUTHENTICATED,
    PROFILE_NOT_FOUND: Status.NOT_FOUND,
  };

  it.each(Object.entries(expected))('maps %s to gRPC status %i', (code, status) => {
    expect(preferencesErrorStatus(new PreferencesError(code as PreferencesErrorCode, 'message'))).toBe(status);
  });
});
