import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { z } from 'zod';
import type { FaultSwitch } from './fault-switch.js';
import { detailFragment, listFragment } from './inbox-fragments.js';
import type { InboxLogger } from './inbox-logger.js';
import { INBOX_PAGE_CSP, inboxPage } from './inbox-page.js';
import { messageDetail, messagesPage, pageFrom, searchMessages } from './mailpit-views.js';
import type { MessageStore, StoredMessage } from './message-store.js';

export interface InboxHttpOptions {
  host: string;
  port: number;
  /** Shown on the web page so a developer knows where to point a mailer. */
  smtpPort: number;
  store: MessageStore;
  faults: FaultSwitch;
  logger: InboxLogger;
}

export interface InboxHttp {
  port: number;
  close(): Promise<void>;
}

interface Reply {
  status: number;
  body: string | Buffer;
  type: string;
  headers?: Record<string, string>;
}

type Method = 'GET' | 'PUT' | 'DELETE';
type Handler = (request: { url: URL; req: IncomingMessage; params: string[] }) => Reply | Promise<Reply>;
type Routes = Array<[pattern: RegExp, handlers: Partial<Record<Method, Handler>>]>;

/** Thrown inside a handler to answer with a JSON error instead of a 500. */
class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly details?: unknown,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}

const MAX_BODY_BYTES = 1024 * 1024;
const deleteBody = z.object({ IDs: z.array(z.string()).optional() }).optional();
const faultBody = z.object({
  rejectWith: z.union([z.literal(421), z.literal(451), z.literal(550), z.null()], { error: 'must be 421, 451, 550 or null' }),
  count: z.number().int().positive().optional(),
  /** The fault clears by itself after this long (with count too: whichever runs out first). */
  durationMs: z.number().int().positive().max(3_600_000).optional(),
});

export async function startInboxHttp(options: InboxHttpOptions): Promise<InboxHttp> {
  const { store, faults, logger } = options;

  const findMessage = (id: string): StoredMessage => {
    // Mailpit accepts "latest" in place of an id, which saves tests a list round-trip.
    const message = id === 'latest' ? store.latest() : store.get(id);
    if (!message) throw new HttpError(404, 'message not found');
    return message;
  };
  const page = (url: URL) => pageFrom(url.searchParams);
  const ok = () => json(200, { status: 'ok' });
  const openMessage = (id: string, view: (message: StoredMessage) => Reply) => {
    const message = findMessage(id);
    // Reading a message marks it read, the same as opening it in Mailpit.
    store.markRead(message.id);
    return view(message);
  };

  const routes: Routes = [
    [/^\/$/, { GET: () => html(inboxPage(options.smtpPort, listFragment(store.list(), faults.current())), INBOX_PAGE_CSP) }],
    [/^\/(?:health|livez|readyz)$/, { GET: ok }],
    // Browsers ask for it on every page load; an empty answer keeps their consoles free of 404s.
    [/^\/favicon\.ico$/, { GET: () => ({ status: 204, body: '', type: 'image/x-icon' }) }],
    [/^\/ui\/messages$/, { GET: () => html(listFragment(store.list(), faults.current())) }],
    [/^\/ui\/message\/([^/]+)$/, { GET: ({ params }) => openMessage(params[0] ?? '', (m) => html(detailFragment(m))) }],
    [
      /^\/api\/v1\/messages$/,
      {
        GET: ({ url }) => json(200, messagesPage(store, store.list(), page(url))),
        DELETE: async ({ req }) => {
          const ids = parseBody(deleteBody, await readJson(req))?.IDs ?? [];
          // As in Mailpit, no ids (or an empty list) means "delete everything".
          if (ids.length === 0) store.clear();
          else store.delete(ids);
          return text(200, 'ok');
        },
      },
    ],
    [
      /^\/api\/v1\/search$/,
      {
        GET: ({ url }) => json(200, messagesPage(store, searchMessages(store.list(), url.searchParams.get('query') ?? ''), page(url))),
      },
    ],
    [/^\/api\/v1\/message\/([^/]+)$/, { GET: ({ params }) => openMessage(params[0] ?? '', (m) => json(200, messageDetail(m))) }],
    [/^\/api\/v1\/message\/([^/]+)\/headers$/, { GET: ({ params }) => json(200, findMessage(params[0] ?? '').headers) }],
    [
      /^\/api\/v1\/message\/([^/]+)\/raw$/,
      {
        GET: ({ params }) => ({
          status: 200,
          body: findMessage(params[0] ?? '').raw,
          type: 'text/plain; charset=utf-8',
        }),
      },
    ],
    [
      /^\/api\/v1\/dev\/faults$/,
      {
        GET: () => json(200, faults.current()),
        PUT: async ({ req }) => {
          const { rejectWith, count, durationMs } = parseBody(faultBody, await readJson(req));
          faults.set(rejectWith, count, durationMs);
          logger.info({ rejectWith, count, durationMs }, 'fault switch set');
          return json(200, faults.current());
        },
      },
    ],
  ];

  async function route(method: string, req: IncomingMessage): Promise<Reply> {
    // Parsed here, not in the request listener: a target like "//" throws, and must become a 400.
    const url = URL.parse(req.url ?? '/', 'http://inbox.local');
    if (!url) throw new HttpError(400, 'malformed request target');
    const path = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, '') : url.pathname;
    for (const [pattern, handlers] of routes) {
      const match = pattern.exec(path);
      if (!match) continue;
      const handler = handlers[(method === 'HEAD' ? 'GET' : method) as Method];
      if (!handler) {
        const allow = Object.keys(handlers).join(', ');
        throw new HttpError(405, `method not allowed, use ${allow}`, undefined, { allow });
      }
      return handler({ url, req, params: match.slice(1).map(decodePathSegment) });
    }
    throw new HttpError(404, 'not found');
  }

  const server = createServer((req, res) => {
    const method = req.method ?? 'GET';
    route(method, req)
      .catch((error: unknown) => errorReply(error, logger))
      .then((reply) => send(res, reply, method === 'HEAD'))
      // Only a client that vanished mid-reply gets here; drop its socket rather than crash.
      .catch(() => res.destroy());
  });

  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : options.port);
    });
  });

  return {
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Keep-alive sockets of idle clients would otherwise hold close() open for seconds.
        server.closeAllConnections();
      }),
  };
}

function decodePathSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new HttpError(400, 'malformed percent-encoding in path');
  }
}

function errorReply(error: unknown, logger: InboxLogger): Reply {
  if (error instanceof HttpError) {
    const body = error.details === undefined ? { error: error.message } : { error: error.message, details: error.details };
    return json(error.status, body, error.headers);
  }
  logger.warn({ err: String(error) }, 'request failed');
  return json(500, { error: 'internal error' });
}

function send(res: ServerResponse, reply: Reply, headOnly: boolean): void {
  const body = typeof reply.body === 'string' ? Buffer.from(reply.body) : reply.body;
  res.writeHead(reply.status, {
    'content-type': reply.type,
    'content-length': body.length,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...reply.headers,
  });
  res.end(headOnly ? undefined : body);
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, 'request body too large');
    chunks.push(chunk);
  }
  const body = Buffer.concat(chunks).toString('utf8').trim();
  if (body === '') return undefined;
  try {
    return JSON.parse(body);
  } catch {
    throw new HttpError(400, 'request body is not valid JSON');
  }
}

function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const details = result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
  throw new HttpError(400, 'invalid request body', details);
}

function json(status: number, value: unknown, headers?: Record<string, string>): Reply {
  return { status, body: JSON.stringify(value), type: 'application/json; charset=utf-8', ...(headers && { headers }) };
}

function text(status: number, body: string): Reply {
  return { status, body, type: 'text/plain; charset=utf-8' };
}

function html(body: string, csp?: string): Reply {
  return {
    status: 200,
    body,
    type: 'text/html; charset=utf-8',
    ...(csp && { headers: { 'content-security-policy': csp } }),
  };
}
