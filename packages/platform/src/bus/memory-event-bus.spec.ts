import { randomUUID } from 'node:crypto';
import { createEnvelope, type Envelope } from '@msp/events';
import { describe, expect, it, vi } from 'vitest';
import { MemoryEventBus } from './memory-event-bus.js';
import { topicMatches } from './topic-pattern.js';

function registered(): Envelope {
  return createEnvelope({
    type: 'auth.user.registered.v1',
    source: 'auth-service',
    data: { userId: randomUUID(), email: 'ada@example.com', displayName: 'Ada', locale: 'en' },
  });
}

function projectCreated(): Envelope {
  return createEnvelope({
    type: 'project.created.v1',
    source: 'project-service',
    data: { projectId: randomUUID(), key: 'APO', name: 'Apollo', ownerId: randomUUID() },
  });
}

/** A promise with its resolver outside, to hold a handler open until the test lets it finish. */
function gate(): { promise: Promise<void>; open: () => void } {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

describe('topicMatches', () => {
  it.each([
    ['auth.user.registered.v1', 'auth.user.registered.v1', true],
    ['auth.user.registered.v1', 'auth.user.registered.v2', false],
    ['auth.#', 'auth.user.registered.v1', true],
    ['auth.#', 'auth', true],
    ['auth.#', 'project.created.v1', false],
    ['#', 'anything.at.all', true],
    ['auth.*', 'auth.user', true],
    ['auth.*', 'auth.user.registered.v1', false],
    ['auth.*.registered.v1', 'auth.user.registered.v1', true],
    ['*.created.v1', 'project.created.v1', true],
    ['*.created.v1', 'project.task.created.v1', false],
    ['#.created.v1', 'project.task.created.v1', true],
    ['auth.#.v1', 'auth.v1', true],
    ['auth.#.v1', 'auth.user.email.verified.v1', true],
    ['auth.#.v1', 'auth.user.email.verified.v2', false],
  ])('%s matches %s: %s', (pattern, key, expected) => {
    expect(topicMatches(pattern, key)).toBe(expected);
  });
});

describe('MemoryEventBus', () => {
  it('delivers an event to every queue whose patterns match, and to no other', async () => {
    const bus = new MemoryEventBus();
    const comms = vi.fn(async () => {});
    const audit = vi.fn(async () => {});
    const projects = vi.fn(async () => {});
    await bus.subscribe({ queue: 'comms', events: ['auth.user.registered.v1'], handler: comms });
    await bus.subscribe({ queue: 'audit', events: ['auth.#', 'project.#'], handler: audit });
    await bus.subscribe({ queue: 'projects', events: ['project.created.v1'], handler: projects });

    const event = registered();
    await bus.publish(event);
    await bus.publish(projectCreated());

    expect(comms).toHaveBeenCalledTimes(1);
    expect(comms).toHaveBeenCalledWith(event);
    expect(audit).toHaveBeenCalledTimes(2);
    expect(projects).toHaveBeenCalledTimes(1);
  });

  it('resolves publish at once when no queue matches', async () => {
    const bus = new MemoryEventBus();
    await bus.subscribe({ queue: 'projects', events: ['project.#'], handler: async () => {} });
    await expect(bus.publish(registered())).resolves.toBeUndefined();
  });

  it('resolves publish only after every matching handler has finished', async () => {
    const bus = new MemoryEventBus();
    const slow = gate();
    let fastDone = false;
    await bus.subscribe({ queue: 'slow', events: ['auth.#'], handler: () => slow.promise });
    await bus.subscribe({ queue: 'fast', events: ['auth.#'], handler: async () => void (fastDone = true) });

    let published = false;
    const publishing = bus.publish(registered()).then(() => (published = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(fastDone).toBe(true);
    expect(published).toBe(false);

    slow.open();
    await publishing;
    expect(published).toBe(true);
  });

  it('gives each handler its own copy of the event', async () => {
    const bus = new MemoryEventBus();
    const seen: unknown[] = [];
    await bus.subscribe({
      queue: 'a',
      events: ['auth.#'],
      handler: async (event) => {
        (event as { source: string }).source = 'mutated';
      },
    });
    await bus.subscribe({ queue: 'b', events: ['auth.#'], handler: async (event) => void seen.push(event.source) });
    await bus.publish(registered());
    expect(seen).toEqual(['auth-service']);
  });

  it('retries a failing handler after each delay, then dead-letters the event', async () => {
    const bus = new MemoryEventBus({ retryDelaysMs: [5, 10] });
    const calls: number[] = [];
    await bus.subscribe({
      queue: 'comms',
      events: ['auth.#'],
      handler: async () => {
        calls.push(Date.now());
        throw new Error('smtp down');
      },
    });

    const event = registered();
    await bus.publish(event);

    expect(calls).toHaveLength(3);
    const letters = bus.deadLetters();
    expect(letters).toEqual([
      {
        id: event.id,
        queue: 'comms',
        event,
        reason: 'Error: smtp down',
        attempts: 3,
        deadLetteredAt: expect.any(String),
      },
    ]);
    expect(await bus.listDeadLetters('comms', 10)).toEqual(letters);
    expect(await bus.listDeadLetters('other', 10)).toEqual([]);
  });

  it('succeeds on a retry without dead-lettering', async () => {
    const bus = new MemoryEventBus({ retryDelaysMs: [5, 5, 5] });
    let calls = 0;
    await bus.subscribe({
      queue: 'comms',
      events: ['auth.#'],
      handler: async () => {
        if (++calls < 3) throw new Error('flaky');
      },
    });
    await bus.publish(registered());
    expect(calls).toBe(3);
    expect(bus.deadLetters()).toEqual([]);
  });

  it('dead-letters an event that is not a valid envelope', async () => {
    const bus = new MemoryEventBus({ retryDelaysMs: [] });
    const handler = vi.fn(async () => {});
    await bus.subscribe({ queue: 'comms', events: ['auth.#'], handler });
    const invalid = { ...registered(), data: { userId: 'not-a-uuid' } } as Envelope;
    await bus.publish(invalid);
    expect(handler).not.toHaveBeenCalled();
    expect(bus.deadLetters()[0]?.reason).toMatch(/invalid auth.user.registered.v1 payload/);
  });

  it('redrives a dead letter to its queue with a fresh retry budget', async () => {
    const bus = new MemoryEventBus({ retryDelaysMs: [1] });
    let healthy = false;
    const handled: string[] = [];
    await bus.subscribe({
      queue: 'comms',
      events: ['auth.#'],
      handler: async (event) => {
        if (!healthy) throw new Error('smtp down');
        handled.push(event.id);
      },
    });
    const event = registered();
    await bus.publish(event);
    expect(bus.deadLetters()).toHaveLength(1);

    expect(await bus.redriveDeadLetter('comms', 'unknown-id')).toBe(false);
    expect(await bus.redriveDeadLetter('other', event.id)).toBe(false);

    healthy = true;
    expect(await bus.redriveDeadLetter('comms', event.id)).toBe(true);
    await vi.waitFor(() => expect(handled).toEqual([event.id]), { timeout: 1_000 });
    expect(bus.deadLetters()).toEqual([]);
  });

  it('shares a queue between its subscribers round robin', async () => {
    const bus = new MemoryEventBus();
    const first = vi.fn(async () => {});
    const second = vi.fn(async () => {});
    await bus.subscribe({ queue: 'comms', events: ['auth.#'], handler: first });
    await bus.subscribe({ queue: 'comms', events: ['auth.#'], handler: second });

    for (let i = 0; i < 4; i++) await bus.publish(registered());

    expect(first).toHaveBeenCalledTimes(2);
    expect(second).toHaveBeenCalledTimes(2);
  });

  it('retries on the next replica of the queue', async () => {
    const bus = new MemoryEventBus({ retryDelaysMs: [1] });
    const broken = vi.fn(async () => {
      throw new Error('broken replica');
    });
    const healthy = vi.fn(async () => {});
    await bus.subscribe({ queue: 'comms', events: ['auth.#'], handler: broken });
    await bus.subscribe({ queue: 'comms', events: ['auth.#'], handler: healthy });
    await bus.publish(registered());
    expect(broken).toHaveBeenCalledTimes(1);
    expect(healthy).toHaveBeenCalledTimes(1);
    expect(bus.deadLetters()).toEqual([]);
  });

  it('stopConsuming waits for handlers in flight, then delivers nothing more', async () => {
    const bus = new MemoryEventBus();
    const inHandler = gate();
    const release = gate();
    const handler = vi.fn(async () => {
      inHandler.open();
      await release.promise;
    });
    await bus.subscribe({ queue: 'comms', events: ['auth.#'], handler });
    const publishing = bus.publish(registered());
    await inHandler.promise;

    let stopped = false;
    const stopping = bus.stopConsuming().then(() => (stopped = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(stopped).toBe(false);

    release.open();
    await stopping;
    await publishing;
    // The queue still exists without a consumer: publishing rejects so the outbox keeps the event.
    await expect(bus.publish(registered())).rejects.toThrow(/stopped consuming/);
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it('gives each service a view whose stop stops only its own queues', async () => {
    const bus = new MemoryEventBus();
    const comms = bus.scoped();
    const project = bus.scoped();
    const commsHandler = vi.fn(async () => {});
    const projectHandler = vi.fn(async () => {});
    await comms.subscribe({ queue: 'comms', events: ['auth.#'], handler: commsHandler });
    await project.subscribe({ queue: 'project', events: ['auth.#'], handler: projectHandler });

    await project.stopConsuming();
    await expect(bus.publish(registered())).rejects.toThrow(/project/);
    expect(commsHandler).toHaveBeenCalledTimes(1);
    expect(projectHandler).not.toHaveBeenCalled();

    await project.subscribe({ queue: 'project', events: ['auth.#'], handler: projectHandler });
    await bus.publish(registered());
    expect(projectHandler).toHaveBeenCalledTimes(1);
  });

  it("gives each service a view of only its own queues' dead letters", async () => {
    const bus = new MemoryEventBus({ retryDelaysMs: [] });
    const comms = bus.scoped();
    const project = bus.scoped();
    let healthy = false;
    const handled: string[] = [];
    const handler = async (event: Envelope) => {
      if (!healthy) throw new Error('down');
      handled.push(event.id);
    };
    await comms.subscribe({ queue: 'comms', events: ['auth.#'], handler });
    await project.subscribe({ queue: 'project', events: ['auth.#'], handler });
    const event = registered();
    await bus.publish(event);

    expect((await comms.listDeadLetters('comms', 10)).map((letter) => letter.queue)).toEqual(['comms']);
    expect(await comms.listDeadLetters('project', 10)).toEqual([]);
    expect(await project.redriveDeadLetter('comms', event.id)).toBe(false);

    healthy = true;
    expect(await comms.redriveDeadLetter('comms', event.id)).toBe(true);
    await vi.waitFor(() => expect(handled).toEqual([event.id]), { timeout: 1_000 });
    expect(bus.deadLetters().map((letter) => letter.queue)).toEqual(['project']);
  });

  it('rejects a publish whose retry is cut short by stopConsuming, so the outbox keeps the event', async () => {
    const bus = new MemoryEventBus({ retryDelaysMs: [60_000] });
    const handler = vi.fn(async () => {
      throw new Error('down');
    });
    await bus.subscribe({ queue: 'comms', events: ['auth.#'], handler });
    const publishing = bus.publish(registered());
    await vi.waitFor(() => expect(handler).toHaveBeenCalledTimes(1), { timeout: 1_000 });

    await bus.stopConsuming();
    await expect(publishing).rejects.toThrow(/stopped consuming/);
    expect(bus.deadLetters()).toEqual([]);
  });

  it('always pings', async () => {
    const bus = new MemoryEventBus();
    await expect(bus.ping()).resolves.toBeUndefined();
    await bus.close();
  });
});
