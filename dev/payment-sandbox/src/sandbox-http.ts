import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { ApiReply, ApiRequest } from './api-pipeline.js';
import { ControlError, type ControlRoutes } from './control-routes.js';
import type { SandboxLogger } from './sandbox-logger.js';

export interface SandboxHttpOptions {
  host: string;
  port: number;
  handleApi: (request: ApiRequest) => ApiReply;
  controlRoutes: ControlRoutes;
  logger: SandboxLogger;
}

export interface SandboxHttp {
  port: number;
  close(): Promise<void>;
}

interface Reply {
  status: number;
  body: string;
  headers?: Record<string, string>;
}

const MAX_BODY_BYTES = 1024 * 1024;

class BodyTooLargeError extends Error {}

/** One port for both faces: Stripe's API under /v1 and the sandbox's own control API beside it. */
export async function startSandboxHttp(options: SandboxHttpOptions): Promise<SandboxHttp> {
  const { handleApi, controlRoutes, logger } = options;

  async function respond(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? 'GET';
    // Parsed here, not in the request listener: a target like "//" throws, and must become a 400.
    const url = URL.parse(req.url ?? '/', 'http://sandbox.local');
    if (!url) return send(res, json(400, { error: 'malformed request target' }));
    const path = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, '') : url.pathname;

    if (path !== '/v1' && !path.startsWith('/v1/')) return send(res, await control(method, path, req));

    const reply = handleApi({
      method,
      path,
      encodedParams: method === 'POST' ? (await readBody(req)).toString('utf8') : url.search.slice(1),
      authorization: header(req, 'authorization'),
      idempotencyKey: header(req, 'idempotency-key'),
      stripeVersion: header(req, 'stripe-version'),
    });
    if (reply.holdResponseMs !== undefined && (await clientLeftWithin(res, reply.holdResponseMs))) {
      logger.info({ path, requestId: reply.headers['request-id'] }, 'held response dropped: the client gave up first');
      return;
    }
    send(res, { ...reply, headers: { ...reply.headers, 'content-type': 'application/json' } });
  }

  async function control(method: string, path: string, req: IncomingMessage): Promise<Reply> {
    try {
      for (const [pattern, handlers] of controlRoutes) {
        const match = pattern.exec(path);
        if (!match) continue;
        const handler = handlers[method as 'GET' | 'PUT' | 'POST'];
        if (!handler) return json(405, { error: `method not allowed, use ${Object.keys(handlers).join(', ')}` });
        const reply = await handler({ path: match.slice(1).map(decodeURIComponent), json: () => readJson(req) });
        return json(reply.status, reply.body);
      }
      return json(404, { error: 'not found' });
    } catch (error) {
      if (error instanceof ControlError)
        return json(error.status, { error: error.message, ...(error.details !== undefined && { details: error.details }) });
      if (error instanceof BodyTooLargeError || error instanceof URIError) return json(400, { error: error.message });
      logger.warn({ err: String(error), path }, 'control request failed');
      return json(500, { error: 'internal error' });
    }
  }

  const server = createServer((req, res) => {
    respond(req, res).catch((error: unknown) => {
      if (error instanceof BodyTooLargeError && !res.headersSent) return send(res, json(413, { error: error.message }));
      // Only a client that vanished mid-request gets here; drop its socket rather than crash.
      res.destroy();
    });
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
        // Keep-alive sockets of idle clients (stripe-node keeps them) and held responses would otherwise hold close() open.
        server.closeAllConnections();
      }),
  };
}

/**
 * Waits before answering the timeout card. True when the client closed the connection first (its
 * timeout fired): there is no one left to answer, and the charge stands.
 */
function clientLeftWithin(res: ServerResponse, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const onClose = () => {
      clearTimeout(timer);
      resolve(true);
    };
    const timer = setTimeout(() => {
      res.off('close', onClose);
      resolve(false);
    }, ms);
    res.once('close', onClose);
  });
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new BodyTooLargeError('request body too large');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const body = (await readBody(req)).toString('utf8').trim();
  if (body === '') return undefined;
  try {
    return JSON.parse(body);
  } catch {
    throw new ControlError(400, 'request body is not valid JSON');
  }
}

function json(status: number, value: unknown): Reply {
  return { status, body: JSON.stringify(value), headers: { 'content-type': 'application/json; charset=utf-8' } };
}

function send(res: ServerResponse, reply: Reply): void {
  const body = Buffer.from(reply.body);
  res.writeHead(reply.status, { 'content-length': body.length, 'cache-control': 'no-store', ...reply.headers });
  res.end(body);
}
