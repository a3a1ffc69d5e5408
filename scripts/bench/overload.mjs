// Overload soak: the gateway at twice its sustainable rate for a few minutes (OVERLOAD_SECONDS,
// default 180). First the sustainable rate of a read/write mix (4 authenticated project reads to 1
// task creation) is measured with a closed loop of 50 connections; then the same mix is sent at 2×
// that rate in an open loop (scripts/bench/lib/open-loop.mjs). Printed every 10 s and in total: the
// share shed (503 + Retry-After from admission control), admitted p50/p99 beside the p99 at half
// the sustainable rate, failures (anything else: must stay 0) and the gateway's RSS. No assertions.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { createProject, signUpUser, startBenchPlatform } from './lib/bench-platform.mjs';
import { closedLoop, openLoop } from './lib/open-loop.mjs';

const SOAK_SECONDS = Number(process.env.OVERLOAD_SECONDS ?? 180);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);

/** Resident memory of a process in MiB, from /proc (Linux). */
export function rssMiB(pid) {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Math.round(Number(match[1]) / 1024) : NaN;
}

/**
 * Four reads (the project) to one write (a comment on one of the project's tasks: comments have no
 * plan limit, tasks do), each a request as open-loop.mjs takes it.
 */
export function readWriteMix(gatewayUrl, user, projectId, taskIds) {
  const headers = { authorization: `Bearer ${user.accessToken}` };
  return (index) =>
    index % 5 === 4
      ? {
          url: `${gatewayUrl}/api/v1/projects/${projectId}/tasks/${taskIds[index % taskIds.length]}/comments`,
          method: 'POST',
          headers,
          body: { body: `Load ${index}` },
          expectStatus: 201,
        }
      : { url: `${gatewayUrl}/api/v1/projects/${projectId}`, headers };
}

async function createTasks(platform, user, projectId, count) {
  const ids = [];
  for (let n = 0; n < count; n++) {
    const created = await platform.gateway.call('POST', `/api/v1/projects/${projectId}/tasks`, {
      token: user.accessToken,
      body: { title: `Commented ${n}` },
    });
    if (created.status !== 201) throw new Error(`create task → ${created.status}`);
    ids.push(created.body.id);
  }
  return ids;
}

export async function run() {
  const platform = await startBenchPlatform();
  try {
    const user = await signUpUser(platform, 'overload');
    const project = await createProject(platform, user);
    const mix = readWriteMix(platform.gatewayUrl, user, project.id, await createTasks(platform, user, project.id, 20));
    const gatewayPid = platform.processes.pid('gateway');

    await closedLoop({ request: mix, connections: CONNECTIONS, seconds: 3 }); // warm-up
    const sustainable = await closedLoop({ request: mix, connections: CONNECTIONS, seconds: 10 });
    const rate = Math.round(sustainable.admittedPerSec);
    console.log(
      `sustainable (closed loop, ${CONNECTIONS} connections): ${rate} req/s, p50 ${sustainable.p50} ms, p99 ${sustainable.p99} ms`,
    );
    const calm = await openLoop({ request: mix, ratePerSecond: rate / 2, seconds: 10 });
    console.log(`at 0.5× (${Math.round(rate / 2)} req/s offered): p50 ${calm.p50} ms, p99 ${calm.p99} ms, shed ${pct(calm.shedRatio)}`);

    const rssBefore = rssMiB(gatewayPid);
    const rssSeen = [rssBefore];
    console.log(`\n2× for ${SOAK_SECONDS} s: ${rate * 2} req/s offered; gateway RSS ${rssBefore} MiB before`);
    console.log('window   admitted/s  shed    p50     p99     failed  RSS');
    let window = 0;
    const soak = await openLoop({
      request: mix,
      ratePerSecond: rate * 2,
      seconds: SOAK_SECONDS,
      onWindow: (figures) => {
        const rss = rssMiB(gatewayPid);
        rssSeen.push(rss);
        window += 10;
        console.log(
          `${String(window).padStart(4)} s  ${figures.admittedPerSec.toFixed(0).padStart(9)}  ${pct(figures.shedRatio).padStart(6)}  ${ms(figures.p50)}  ${ms(figures.p99)}  ${String(figures.failed).padStart(6)}  ${rss} MiB`,
        );
      },
    });
    const rssAfter = rssMiB(gatewayPid);
    const alive = platform.processes.names().every((name) => isRunning(platform.processes.pid(name)));
    console.log(
      `\ntotal: admitted ${soak.admittedPerSec.toFixed(0)} req/s (×${(soak.admittedPerSec / rate).toFixed(2)} of sustainable), shed ${pct(soak.shedRatio)}` +
        ` (${soak.shedWithoutRetryAfter} without Retry-After), failed ${soak.failed} ${JSON.stringify(soak.failures)}, client-skipped ${soak.skipped}`,
    );
    console.log(
      `admitted p50 ${soak.p50} ms, p99 ${soak.p99} ms (×${(soak.p99 / Math.max(1, calm.p99)).toFixed(1)} of the p99 at 0.5×), max ${soak.max} ms`,
    );
    console.log(`gateway RSS ${rssBefore} → max ${Math.max(...rssSeen)} → ${rssAfter} MiB; every process still running: ${alive}`);
    return { sustainable, calm, soak, rate, rss: { before: rssBefore, max: Math.max(...rssSeen), after: rssAfter } };
  } finally {
    await platform.stop();
  }
}

function isRunning(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const pct = (ratio) => `${(ratio * 100).toFixed(1)}%`;
const ms = (value) => `${String(value).padStart(4)} ms`;

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await run();
