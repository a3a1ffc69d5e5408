// HTTP load for overload runs. autocannon (http-load.mjs) is a closed loop: each connection waits for
// its answer, so a slow server slows the load down and is never overloaded. Here requests are sent
// at a fixed rate whatever the server does (an open loop, as independent clients behave), and every
// answer is classified: admitted (the expected status; its latency counted), shed (503 or 429, which
// must carry Retry-After) or failed (anything else, or no answer at all).
import { Agent, request as httpRequest } from 'node:http';

/**
 * `request`: `{ url, method, headers, body, expectStatus }` or a function of the request's index
 * returning one. Sends `ratePerSecond` for `seconds` over at most `connections` kept-alive
 * connections, as many clients behind a few proxies do (opening a new connection per waiting request
 * would measure the kernel's accept queue, not the server). At most `maxOutstanding` requests wait
 * at once; beyond that a send is counted as `skipped`, so the client itself never balloons. A
 * latency runs from the moment the request has a connected socket to its last byte of answer. `onWindow`
 * gets each `windowSeconds` window's figures while the run goes on.
 */
export async function openLoop({
  request,
  ratePerSecond,
  seconds,
  connections = 1_000,
  maxOutstanding = 5_000,
  windowSeconds = 10,
  onWindow,
}) {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const total = newTally();
  let window = newTally();
  let outstanding = 0;
  const started = performance.now();
  const pending = new Set();
  const windowTimer = setInterval(() => {
    onWindow?.(summarize(window, windowSeconds));
    window = newTally();
  }, windowSeconds * 1_000);

  try {
    const count = Math.round(ratePerSecond * seconds);
    for (let index = 0; index < count; index++) {
      const due = started + (index * 1000) / ratePerSecond;
      const wait = due - performance.now();
      if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
      if (outstanding >= maxOutstanding) {
        total.skipped++;
        window.skipped++;
        continue;
      }
      outstanding++;
      const spec = typeof request === 'function' ? request(index) : request;
      const sending = send(agent, spec).then((outcome) => {
        outstanding--;
        for (const tally of [total, window]) record(tally, outcome, spec.expectStatus ?? 200);
      });
      pending.add(sending);
      void sending.finally(() => pending.delete(sending));
    }
    await Promise.all(pending);
  } finally {
    clearInterval(windowTimer);
    agent.destroy();
  }
  return summarize(total, (performance.now() - started) / 1000);
}

/** The most a closed loop of `connections` gets through per second: the sustainable rate. */
export async function closedLoop({ request, connections, seconds }) {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const tally = newTally();
  const started = performance.now();
  const deadline = started + seconds * 1000;
  let index = 0;
  const worker = async () => {
    while (performance.now() < deadline) {
      const spec = typeof request === 'function' ? request(index++) : request;
      record(tally, await send(agent, spec), spec.expectStatus ?? 200);
    }
  };
  try {
    await Promise.all(Array.from({ length: connections }, worker));
  } finally {
    agent.destroy();
  }
  return summarize(tally, (performance.now() - started) / 1000);
}

function send(agent, { url, method = 'GET', headers = {}, body }) {
  const payload = body === undefined ? undefined : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
  let sentAt = performance.now();
  return new Promise((resolve) => {
    const outgoing = httpRequest(
      url,
      {
        method,
        agent,
        headers: { ...(payload ? { 'content-type': 'application/json', 'content-length': payload.length } : {}), ...headers },
      },
      (response) => {
        response.resume();
        response.on('end', () =>
          resolve({ status: response.statusCode, retryAfter: response.headers['retry-after'], ms: performance.now() - sentAt }),
        );
        response.on('error', (error) => resolve({ error: error.code ?? error.message }));
      },
    );
    // Time spent waiting for one of the client's own connections is the client's queue, and time to
    // connect is the kernel's accept queue: neither is the server's admission at work.
    outgoing.once('socket', (socket) => {
      sentAt = performance.now();
      if (socket.connecting) socket.once('connect', () => (sentAt = performance.now()));
    });
    outgoing.on('error', (error) => resolve({ error: error.code ?? error.message }));
    outgoing.end(payload);
  });
}

function newTally() {
  return { admitted: [], shed: 0, shedWithoutRetryAfter: 0, failed: 0, skipped: 0, failures: {} };
}

function record(tally, outcome, expectStatus) {
  if (outcome.error !== undefined) return fail(tally, outcome.error);
  if (outcome.status === expectStatus) return void tally.admitted.push(outcome.ms);
  if (outcome.status === 503 || outcome.status === 429) {
    tally.shed++;
    if (!outcome.retryAfter) tally.shedWithoutRetryAfter++;
    return;
  }
  fail(tally, String(outcome.status));
}

function fail(tally, reason) {
  tally.failed++;
  tally.failures[reason] = (tally.failures[reason] ?? 0) + 1;
}

/** `{ answered, admittedPerSec, shedRatio, p50, p99, max, … }` (latencies of admitted answers, ms). */
export function summarize(tally, seconds) {
  const sorted = [...tally.admitted].sort((a, b) => a - b);
  const at = (q) => (sorted.length === 0 ? 0 : Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]));
  const answered = sorted.length + tally.shed + tally.failed;
  return {
    answered,
    admitted: sorted.length,
    admittedPerSec: sorted.length / seconds,
    shed: tally.shed,
    shedRatio: answered === 0 ? 0 : tally.shed / answered,
    shedWithoutRetryAfter: tally.shedWithoutRetryAfter,
    failed: tally.failed,
    failures: tally.failures,
    skipped: tally.skipped,
    p50: at(0.5),
    p99: at(0.99),
    max: Math.round(sorted.at(-1) ?? 0),
  };
}
