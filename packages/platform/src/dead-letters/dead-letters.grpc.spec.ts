import { randomUUID } from 'node:crypto';
import { opsV1 } from '@msp/contracts';
import { createEnvelope, type Envelope } from '@msp/events';
import { Metadata, Status, type CallContext } from 'nice-grpc';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DeadLetter, EventBus } from '../bus/event-bus.port.js';
import { MemoryEventBus } from '../bus/memory-event-bus.js';
import { connectService, RemoteCallError, type ServiceConnection } from '../grpc/grpc-client.js';
import { startGrpcServer, type GrpcServer } from '../grpc/grpc-server.js';
import { MetadataKey } from '../grpc/metadata-keys.js';
import { createLogger } from '../logging/logger.js';
import { runWithContext, type Caller } from '../logging/request-context.js';
import { deadLetterErrorStatus } from './dead-letter.errors.js';
import { DeadLettersGrpc } from './dead-letters.grpc.js';
import { DeadLetterAdmin } from './dead-letters.service.js';

const admin: Caller = { userId: randomUUID(), sessionId: 's-admin', roles: ['customer', 'admin'] };
const customer: Caller = { userId: randomUUID(), sessionId: 's-customer', roles: ['customer'] };

function registered(): Envelope {
  return createEnvelope({
    type: 'auth.user.registered.v1',
    source: 'auth-service',
    data: { userId: randomUUID(), email: 'ada@example.com', displayName: 'Ada', locale: 'en' },
  });
}

/** The call context the platform's server middleware sees: the caller arrives in the metadata. */
function contextOf(caller: Caller | undefined): CallContext {
  const metadata = Metadata();
  if (caller) metadata.set(MetadataKey.caller, JSON.stringify(caller));
  return { metadata } as CallContext;
}

/**
 * Two services sharing one in-process bus (embedded mode), each with its own scoped view and its
 * queue's consumer failing until told otherwise.
 */
async function embeddedPair() {
  const bus = new MemoryEventBus({ retryDelaysMs: [] });
  let healthy = false;
  const handled: string[] = [];
  const handler = async (event: Envelope) => {
    if (!healthy) throw new Error('smtp down');
    handled.push(event.id);
  };
  const comms = bus.scoped();
  const user = bus.scoped();
  await comms.subscribe({ queue: 'comms', events: ['auth.#'], handler });
  await user.subscribe({ queue: 'user', events: ['auth.#'], handler });
  return {
    bus,
    comms: new DeadLettersGrpc(new DeadLetterAdmin(comms, ['comms'])),
    user: new DeadLettersGrpc(new DeadLetterAdmin(user, ['user'])),
    handled,
    heal: () => (healthy = true),
  };
}

describe('DeadLettersGrpc', () => {
  it("lists only its own queues' dead letters, with ids unique across queues", async () => {
    const { bus, comms, user } = await embeddedPair();
    const event = registered();
    await bus.publish(event);

    const { items } = await comms.listDeadLetters({ limit: 10 }, contextOf(admin));
    expect(items).toEqual([
      {
        id: `comms:${event.id}`,
        queue: 'comms',
        eventId: event.id,
        eventType: 'auth.user.registered.v1',
        payloadJson: expect.any(String),
        reason: 'Error: smtp down',
        attempts: 1,
        deadLetteredAt: expect.any(Date),
      },
    ]);
    expect(JSON.parse(items[0]?.payloadJson ?? '')).toEqual(event);
    // The same event failed in the other service's queue too; that service reports it, under its own id.
    expect((await user.listDeadLetters({ limit: 10 }, contextOf(admin))).items.map((item) => item.id)).toEqual([`user:${event.id}`]);
  });

  it('answers at most the requested number, oldest first, and the default page size for 0', async () => {
    const { bus, comms } = await embeddedPair();
    const events = Array.from({ length: 3 }, registered);
    for (const event of events) await bus.publish(event);

    const two = await comms.listDeadLetters({ limit: 2 }, contextOf(admin));
    expect(two.items.map((item) => item.eventId)).toEqual(events.slice(0, 2).map((event) => event.id));
    expect((await comms.listDeadLetters({ limit: 0 }, contextOf(admin))).items).toHaveLength(3);
  });

  it('shows a poison message as its text, without a type or time it does not have', async () => {
    const poison: DeadLetter = { id: 'm-1', queue: 'comms', event: 'not json {', reason: 'unknown', attempts: 0, deadLetteredAt: '' };
    const bus = { listDeadLetters: async () => [poison] } as unknown as EventBus;
    const { items } = await new DeadLettersGrpc(new DeadLetterAdmin(bus, ['comms'])).listDeadLetters({ limit: 10 }, contextOf(admin));
    expect(items).toEqual([
      {
        id: 'comms:m-1',
        queue: 'comms',
        eventId: 'm-1',
        eventType: '',
        payloadJson: 'not json {',
        reason: 'unknown',
        attempts: 0,
        deadLetteredAt: undefined,
      },
    ]);
  });

  it('redrives a dead letter of its own queue to that queue only', async () => {
    const { bus, comms, user, handled, heal } = await embeddedPair();
    const event = registered();
    await bus.publish(event);
    heal();

    await comms.redriveDeadLetter({ id: `comms:${event.id}` }, contextOf(admin));
    await vi.waitFor(() => expect(handled).toEqual([event.id]), { timeout: 1_000 });
    expect((await comms.listDeadLetters({ limit: 10 }, contextOf(admin))).items).toEqual([]);
    expect((await user.listDeadLetters({ limit: 10 }, contextOf(admin))).items).toHaveLength(1);
  });

  it('answers DEAD_LETTER_NOT_FOUND for an unknown, malformed or foreign id', async () => {
    const { bus, comms } = await embeddedPair();
    const event = registered();
    await bus.publish(event);

    for (const id of [`comms:${randomUUID()}`, event.id, 'comms:', `:${event.id}`, `user:${event.id}`]) {
      await expect(comms.redriveDeadLetter({ id }, contextOf(admin)), id).rejects.toMatchObject({ code: 'DEAD_LETTER_NOT_FOUND' });
    }
    // Nothing was redriven by the failed attempts.
    expect((await comms.listDeadLetters({ limit: 10 }, contextOf(admin))).items).toHaveLength(1);
  });

  it('refuses callers who are not platform administrators', async () => {
    const { bus, comms } = await embeddedPair();
    const event = registered();
    await bus.publish(event);

    for (const [caller, code] of [
      [undefined, 'UNAUTHENTICATED'],
      [customer, 'FORBIDDEN'],
    ] as const) {
      await expect(comms.listDeadLetters({ limit: 10 }, contextOf(caller))).rejects.toMatchObject({ code });
      await expect(comms.redriveDeadLetter({ id: `comms:${event.id}` }, contextOf(caller))).rejects.toMatchObject({ code });
    }
    expect((await comms.listDeadLetters({ limit: 10 }, contextOf(admin))).items).toHaveLength(1);
  });
});

describe('DeadLetterService over gRPC', () => {
  const bus = new MemoryEventBus({ retryDelaysMs: [] });
  let server: GrpcServer;
  let connection: ServiceConnection<typeof opsV1.DeadLetterServiceDefinition>;

  beforeAll(async () => {
    await bus.subscribe({ queue: 'comms', events: ['auth.#'], handler: () => Promise.reject(new Error('down')) });
    server = await startGrpcServer(
      { host: '127.0.0.1', port: 0, logger: createLogger('test', 'silent'), errorMappers: [deadLetterErrorStatus] },
      (grpc) => grpc.add(opsV1.DeadLetterServiceDefinition, new DeadLettersGrpc(new DeadLetterAdmin(bus, ['comms']))),
    );
    connection = connectService(opsV1.DeadLetterServiceDefinition, `127.0.0.1:${server.port}`, { deadlineMs: 5_000 });
  });
  afterAll(async () => {
    connection?.close();
    await server?.shutdown(1_000);
  });

  const as = <T>(caller: Caller, call: () => Promise<T>) => runWithContext({ correlationId: randomUUID(), caller }, call);
  const failure = (call: Promise<unknown>) =>
    call.then(
      () => expect.unreachable('the call succeeded'),
      (error: unknown) => error as RemoteCallError,
    );

  it('reads the caller from the metadata and answers statuses with their error codes', async () => {
    const event = registered();
    await bus.publish(event);

    const { items } = await as(admin, () => connection.client.listDeadLetters({ limit: 5 }));
    expect(items.map((item) => item.id)).toEqual([`comms:${event.id}`]);

    const forbidden = await failure(as(customer, () => connection.client.listDeadLetters({ limit: 5 })));
    expect([forbidden.status, forbidden.code]).toEqual([Status.PERMISSION_DENIED, 'FORBIDDEN']);
    const missing = await failure(as(admin, () => connection.client.redriveDeadLetter({ id: `comms:${randomUUID()}` })));
    expect([missing.status, missing.code]).toEqual([Status.NOT_FOUND, 'DEAD_LETTER_NOT_FOUND']);
  });
});
