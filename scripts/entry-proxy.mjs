#!/usr/bin/env node
// The small round-robin entry point in front of several gateways on one machine (distributed mode's
// `--scaled`), in the role a load balancer or an Ingress plays in a cluster. Each request goes to the
// next gateway; a gateway that refuses connections (stopped, draining: its listening socket is
// closed) is skipped and the request goes to another one, so a gateway can be restarted while
// clients keep being served.
//
// A request is sent again, to another gateway, only when that gateway cannot have taken it: the
// connection was refused, or a kept-alive connection was closed under the request before any answer
// (gateways close idle connections only, never one with a request in progress). Once a gateway
// answers, its answer is the client's, whatever it is.
//
// Run alone: ENTRY_PORT=8080 ENTRY_UPSTREAMS=127.0.0.1:8081,127.0.0.1:8082 node scripts/entry-proxy.mjs
import { Agent, createServer, request as httpRequest } from 'node:http';
import { fileURLToPath } from 'node:url';

/** Request bodies are buffered so they can be sent again; the gateway refuses anything over 1 MiB. */
const MAX_BODY_BYTES = 2 * 1024 * 1024;
/** A gateway that refused a connection is passed over for this long (unless every one did). */
const REFUSED_PAUSE_MS = 1_000;
/** Headers that describe one connection, not the message: never forwarded. */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade', 'te', 'trailer']);

/**
 * Listens on `port` and spreads requests over `upstreams` (`host:port` strings). Resolves once
 * listening, with the bound port and `close()`, which stops accepting and waits for requests in flight.
 */
export async function startEntryProxy({ host = '127.0.0.1', port = 0, upstreams }) {
  if (upstreams.length === 0) throw new Error('entry proxy: no upstreams');
  const gateways = upstreams.map((address) => {
    const [upstreamHost, upstreamPort] = address.split(/:(?=\d+$)/);
    return { host: upstreamHost, port: Number(upstreamPort), agent: new Agent({ keepAlive: true }), refusedUntil: 0 };
  });
  let next = 0;

  /** Every gateway once, starting at the next in turn; those that just refused go last. */
  const order = () => {
    const start = next;
    next = (next + 1) % gateways.length;
    const turn = gateways.map((_, offset) => gateways[(start + offset) % gateways.length]);
    const now = Date.now();
    return [...turn.filter((gateway) => gateway.refusedUntil <= now), ...turn.filter((gateway) => gateway.refusedUntil > now)];
  };

  const server = createServer(async (clientRequest, clientResponse) => {
    let body;
    try {
      body = await readBody(clientRequest);
    } catch {
      return answer(clientResponse, 413, 'PAYLOAD_TOO_LARGE', 'The request body is too large.');
    }
    const headers = forwardedHeaders(clientRequest);
    for (const gateway of order()) {
      const outcome = await forward(gateway, clientRequest, headers, body, clientResponse);
      if (outcome === 'answered') return;
      if (outcome === 'refused') gateway.refusedUntil = Date.now() + REFUSED_PAUSE_MS;
    }
    answer(clientResponse, 502, 'BAD_GATEWAY', 'No gateway is reachable.');
  });
  server.keepAliveTimeout = 65_000;
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  return {
    port: server.address().port,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        for (const gateway of gateways) gateway.agent.destroy();
      }),
  };
}

/**
 * One attempt at one gateway: 'answered' once its answer is being relayed (or the client left),
 * 'refused' or 'reset' when it cannot have taken the request, so the next gateway may.
 */
function forward(gateway, clientRequest, headers, body, clientResponse) {
  return new Promise((resolve) => {
    const upstream = httpRequest(
      {
        host: gateway.host,
        port: gateway.port,
        method: clientRequest.method,
        path: clientRequest.url,
        headers: { ...headers, 'content-length': String(body.length) },
        agent: gateway.agent,
      },
      (response) => {
        const relayed = Object.fromEntries(Object.entries(response.headers).filter(([name]) => !HOP_BY_HOP.has(name)));
        clientResponse.writeHead(response.statusCode ?? 502, relayed);
        response.pipe(clientResponse);
        // A gateway dying mid-answer must not look like a complete answer to the client.
        response.on('aborted', () => clientResponse.destroy());
        response.on('error', () => clientResponse.destroy());
        resolve('answered');
      },
    );
    upstream.on('error', (error) => {
      if (error.code === 'ECONNREFUSED') return resolve('refused');
      const closedUnderUs = upstream.reusedSocket && ['ECONNRESET', 'EPIPE'].includes(error.code);
      if (closedUnderUs && !clientResponse.headersSent) return resolve('reset');
      if (!clientResponse.headersSent) answer(clientResponse, 502, 'BAD_GATEWAY', 'The gateway failed to answer.');
      else clientResponse.destroy();
      resolve('answered');
    });
    clientResponse.on('close', () => {
      if (!clientResponse.writableFinished) upstream.destroy();
    });
    upstream.end(body);
  });
}

function forwardedHeaders(clientRequest) {
  const headers = Object.fromEntries(Object.entries(clientRequest.headers).filter(([name]) => !HOP_BY_HOP.has(name)));
  // The gateway trusts the proxy's X-Forwarded-For: rate limits stay per client, not per proxy.
  const client = clientRequest.socket.remoteAddress ?? '';
  headers['x-forwarded-for'] = headers['x-forwarded-for'] ? `${headers['x-forwarded-for']}, ${client}` : client;
  return headers;
}

function readBody(request) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    request.on('data', (chunk) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('too large'));
        request.destroy();
      } else chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

/** The proxy's own answers are problem+json, like the gateway's. */
function answer(response, status, code, detail) {
  if (response.headersSent || response.destroyed) return;
  const body = JSON.stringify({ type: 'about:blank', title: code, status, detail, code, correlationId: '' });
  response.writeHead(status, { 'content-type': 'application/problem+json', 'content-length': Buffer.byteLength(body) });
  response.end(body);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const proxy = await startEntryProxy({
    host: process.env.ENTRY_HOST ?? '127.0.0.1',
    port: Number(process.env.ENTRY_PORT ?? 8080),
    upstreams: (process.env.ENTRY_UPSTREAMS ?? '').split(',').filter(Boolean),
  });
  console.log(`entry proxy on ${proxy.port} → ${process.env.ENTRY_UPSTREAMS}`);
  const stop = () => proxy.close().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}
