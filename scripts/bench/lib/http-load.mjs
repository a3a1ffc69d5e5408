// HTTP load as every throughput benchmark measures it: autocannon at a fixed number of connections,
// a short warm-up, then several rounds; the round with the median req/s is the one reported (its
// own p50/p99), so one noisy round on this shared machine moves nothing.
import autocannon from 'autocannon';

export const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
export const ROUND_SECONDS = Number(process.env.BENCH_ROUND_SECONDS ?? 5);
export const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

function once({ url, method = 'GET', headers = {}, body, connections, seconds }) {
  return new Promise((resolve, reject) => {
    autocannon({ url, method, headers, body, connections, duration: seconds }, (error, result) =>
      error ? reject(error) : resolve(result),
    );
  });
}

/**
 * Load on one request: `{ reqPerSec, p50, p99, errors, non2xx, rounds }` of the median round
 * (latencies in ms). `expectStatus` guards against measuring fast error answers: a round with
 * any other status fails the benchmark rather than flattering it.
 */
export async function measureLoad(
  request,
  { connections = CONNECTIONS, seconds = ROUND_SECONDS, rounds = ROUNDS, warmupSeconds = 2 } = {},
) {
  if (warmupSeconds > 0) await once({ ...request, connections, seconds: warmupSeconds });
  const results = [];
  for (let round = 0; round < rounds; round++) {
    const result = await once({ ...request, connections, seconds });
    const unexpected = result.non2xx + result.errors + result.timeouts;
    if (unexpected > 0) {
      throw new Error(
        `${request.method ?? 'GET'} ${request.url}: ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts`,
      );
    }
    results.push({ reqPerSec: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, requests: result.requests.total });
  }
  const sorted = [...results].sort((a, b) => a.reqPerSec - b.reqPerSec);
  return { ...sorted[Math.floor(sorted.length / 2)], connections, rounds: results };
}

/** One printed line: name, req/s, p50/p99 and the ratio to the baseline's req/s. */
export function loadRow(name, load, baseline) {
  const ratio = baseline ? `×${(load.reqPerSec / baseline.reqPerSec).toFixed(3)}` : '';
  return `${name.padEnd(52)} ${load.reqPerSec.toFixed(0).padStart(7)} req/s  p50 ${String(load.p50).padStart(4)} ms  p99 ${String(load.p99).padStart(4)} ms  ${ratio}`;
}
