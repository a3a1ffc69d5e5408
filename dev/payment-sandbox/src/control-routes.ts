import { z } from 'zod';
import type { SandboxStore } from './sandbox-store.js';
import type { WebhookDispatcher } from './webhook-dispatcher.js';

/** A JSON answer of the dev-only control API (`/__sandbox/…`, `/health`). */
export interface ControlReply {
  status: number;
  body: unknown;
}

export type ControlHandler = (request: { path: string[]; json: () => Promise<unknown> }) => ControlReply | Promise<ControlReply>;
export type ControlRoutes = Array<[pattern: RegExp, handlers: Partial<Record<'GET' | 'PUT' | 'POST', ControlHandler>>]>;

/** Thrown by a control handler to answer with `{ error, details? }` instead of a 500. */
export class ControlError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export interface ControlRoutesDeps {
  store: SandboxStore;
  webhooks: WebhookDispatcher;
  /** Forgets everything: objects, events, idempotency keys, pending timers, faults. */
  reset: () => void;
}

const faultsBody = z.strictObject({
  dropNext: z.number().int().min(0).optional(),
  duplicate: z.boolean().optional(),
  delayMs: z.number().int().min(0).max(600_000).optional(),
  reorderNext: z.number().int().min(0).optional(),
});

const json = (body: unknown, status = 200): ControlReply => ({ status, body });

/**
 * Test hooks that Stripe does not have. They need no API key: the sandbox binds to loopback by
 * default and exists only on developer and CI machines.
 */
export function controlRoutes({ store, webhooks, reset }: ControlRoutesDeps): ControlRoutes {
  return [
    [/^\/(?:health|livez|readyz)$/, { GET: () => json({ status: 'ok' }) }],
    [
      // Every charge, failed and pending ones included, oldest first: "exactly one charge exists" is an assertion on this.
      /^\/__sandbox\/charges$/,
      { GET: () => json({ count: store.charges.all().length, data: store.charges.all() }) },
    ],
    [
      /^\/__sandbox\/faults$/,
      {
        GET: () => json(webhooks.faults.current()),
        PUT: async ({ json: body }) => json(webhooks.faults.set(parseBody(faultsBody, await body()))),
      },
    ],
    [/^\/__sandbox\/webhooks$/, { GET: () => json({ held: webhooks.heldCount, deliveries: webhooks.deliveries() }) }],
    [
      /^\/__sandbox\/webhooks\/replay\/([^/]+)$/,
      {
        POST: ({ path }) => {
          const event = store.events.get(path[0] ?? '');
          if (!event) throw new ControlError(404, 'event not found');
          webhooks.replay(event);
          return json({ replayed: event.id }, 202);
        },
      },
    ],
    [/^\/__sandbox\/webhooks\/flush$/, { POST: () => json({ released: webhooks.releaseHeld() }) }],
    [
      /^\/__sandbox\/reset$/,
      {
        POST: () => {
          reset();
          return json({ status: 'ok' });
        },
      },
    ],
  ];
}

function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  const result = schema.safeParse(body ?? {});
  if (result.success) return result.data;
  const details = result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
  throw new ControlError(400, 'invalid request body', details);
}
