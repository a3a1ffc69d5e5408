import { randomUUID } from 'node:crypto';
import type { PGlite } from '@electric-sql/pglite';
import { userV1 } from '@msp/contracts';
import type { Envelope } from '@msp/events';
import {
  connectService,
  MemoryCache,
  MemoryEventBus,
  openEmbeddedEngine,
  RemoteCallError,
  runWithContext,
  type Caller,
  type RunningService,
  type ServiceConnection,
} from '@msp/platform';
import { Status } from 'nice-grpc';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadUserConfig } from './config.js';
import { adminCaller, authEvent, callerFor } from './testing/user-service-kit.js';
import { startUserService } from './user-service.js';

/**
 * The user service as the embedded launcher starts it (PGlite, in-memory cache and bus), called over
 * gRPC on loopback: the wiring of every RPC, the caller from metadata, error statuses and trailers,
 * the consumer's subscription and the outbox relay.
 */
describe('user service over gRPC', () => {
  let engine: PGlite;
  const cache = new MemoryCache();
  const bus = new MemoryEventBus({ retryDelaysMs: [] });
  const published: Envelope[] = [];
  let service: RunningService;
  let connection: ServiceConnection<typeof userV1.UserServiceDefinition>;

  beforeAll(async () => {
    engine = await openEmbeddedEngine('memory://');
    await bus.subscribe({ queue: 'test-observer', events: ['user.#'], handler: async (event) => void published.push(event) });
    service = await startUserService(loadUserConfig({ USER_GRPC_PORT: '0', LOG_LEVEL: 'silent' }), { pglite: engine, cache, bus });
    connection = connectService(userV1.UserServiceDefinition, `127.0.0.1:${service.grpcPort}`, { deadlineMs: 10_000 });
  });
  afterAll(async () => {
    connection?.close();
    await service?.stop();
    await cache.close();
    await engine?.close();
  });

  const as = <T>(caller: Caller | undefined, call: () => Promise<T>) =>
    runWithContext({ correlationId: randomUUID(), ...(caller ? { caller } : {}) }, call);
  const client = () => connection.client;

  async function signUp(displayName = 'Ada') {
    const userId = randomUUID();
    const email = `grpc-${userId}@example.test`;
    await client().createProfile({ userId, email, displayName, locale: 'en' });
    return { userId, email, caller: callerFor(userId) };
  }

  async function failure(call: Promise<unknown>): Promise<RemoteCallError> {
    const error = await call.then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(RemoteCallError);
    return error as RemoteCallError;
  }

  it('shows a profile change on the very next read, and publishes it', async () => {
    const { userId, caller } = await signUp('Before');
    await as(caller, () => client().getProfile({ userId }));

    const updated = await as(caller, () => client().updateProfile({ displayName: 'After', avatarUrl: 'https://cdn.example.test/a.png' }));
    const read = await as(caller, () => client().getProfile({ userId }));

    expect(updated.profile).toMatchObject({ displayName: 'After', avatarUrl: 'https://cdn.example.test/a.png' });
    expect(read.profile).toMatchObject({ displayName: 'After', avatarUrl: 'https://cdn.example.test/a.png' });
    await expect
      .poll(() => published.filter((event) => event.subject === userId).map((event) => event.type))
      .toEqual(['user.profile.updated.v1']);
  });

  it('reports invalid fields as INVALID_ARGUMENT with the code and the field list', async () => {
    const { caller } = await signUp();

    const error = await failure(as(caller, () => client().updatePreferences({ email: { security: false, weekly: true } })));

    expect(error).toMatchObject({ status: Status.INVALID_ARGUMENT, code: 'VALIDATION_FAILED' });
    expect(error.fields.map((field) => field.path)).toEqual(['email.security', 'email.weekly']);
  });

  it('reads and replaces preferences as a map of every category', async () => {
    const { caller } = await signUp();

    const saved = await as(caller, () => client().updatePreferences({ email: { product: true } }));
    const read = await as(caller, () => client().getPreferences({}));

    expect(read.email).toEqual(saved.email);
    expect(read.email).toEqual({ security: true, account: true, projects: true, tasks: true, billing: true, product: true });
  });

  it('applies auth events from the bus on the user queue, and lists users to admins only', async () => {
    const { userId, email, caller } = await signUp();

    await bus.publish(authEvent('auth.user.suspended.v1', { userId, email, by: randomUUID() }));

    const page = await as(adminCaller(), () => client().listUsers({ q: email, status: 'suspended', role: '', limit: 10, cursor: '' }));
    expect(page.items.map((item) => [item.userId, item.status])).toEqual([[userId, 'suspended']]);
    expect(page.nextCursor).toBe('');
    expect(await failure(as(caller, () => client().listUsers({ q: '', status: '', role: '', limit: 0, cursor: '' })))).toMatchObject({
      status: Status.PERMISSION_DENIED,
      code: 'FORBIDDEN',
    });
    expect(await failure(as(undefined, () => client().getUser({ userId })))).toMatchObject({ status: Status.UNAUTHENTICATED });
  });

  it('gives admins one user with summary and profile, and NOT_FOUND for an unknown one', async () => {
    const { userId } = await signUp('Grace');

    const found = await as(adminCaller(), () => client().getUser({ userId }));

    expect(found.user).toMatchObject({ userId, displayName: 'Grace', roles: ['customer'], status: 'active', emailVerified: false });
    expect(found.profile).toMatchObject({ userId, displayName: 'Grace', timezone: 'UTC' });
    expect(await failure(as(adminCaller(), () => client().getUser({ userId: randomUUID() })))).toMatchObject({
      status: Status.NOT_FOUND,
      code: 'USER_NOT_FOUND',
    });
  });

  it("exports the caller's data as JSON", async () => {
    const { userId, caller } = await signUp('Lin');

    const { json } = await as(caller, () => client().exportUserData({}));

    expect(JSON.parse(json)).toMatchObject({ profile: { userId, displayName: 'Lin' }, account: { status: 'active' } });
  });

  it('anonymises a deleted account: the next read of the profile shows it', async () => {
    const { userId, email, caller } = await signUp('Soon Gone');
    await as(caller, () => client().getProfile({ userId }));

    await bus.publish(authEvent('auth.user.deleted.v1', { userId, email }));

    const read = await as(adminCaller(), () => client().getProfile({ userId }));
    expect(read.profile).toMatchObject({ displayName: 'Deleted user', avatarUrl: '' });
    expect(read.profile?.email).not.toBe(email);
  });
});
