import { readFileSync } from 'node:fs';
import { DevInboxClient, TestGatewayClient } from '@msp/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closedLoop, openLoop, type LoadRequest } from '../../scripts/bench/lib/open-loop.mjs';
import { generousRateLimits, startEmbedded } from '../platforms.js';
import { newProject } from '../project-helpers.js';
import { newCustomer } from '../security-helpers.js';

// Issue 9's overload acceptance, the short CI version of `npm run bench overload`: twice the
// sustainable rate of a read/write mix for 15 s. Admission control sheds the excess with 503 +
// Retry-After; every admitted request succeeds, nothing crashes and memory stays bounded. No
// latency is asserted: the machine is shared. Small limits make the gateway saturate early.

const OVERLOAD_SECONDS = 15;
const rssMiB = (pid: number) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN) / 1024;

describe('overload: twice the sustainable rate', () => {
  let platform: Awaited<ReturnType<typeof startEmbedded>>;
  let mix: (index: number) => LoadRequest;

  beforeAll(async () => {
    platform = await startEmbedded({
      ...generousRateLimits,
      RATE_LIMIT_GLOBAL_PER_MINUTE: '10000000',
      GATEWAY_MAX_INFLIGHT: '16',
      GATEWAY_MAX_QUEUE: '16',
      GATEWAY_QUEUE_TIMEOUT_MS: '200',
      LOG_LEVEL: 'warn',
    });
    const gateway = new TestGatewayClient(platform.gatewayUrl);
    const owner = await newCustomer(gateway, new DevInboxClient(platform.inboxUrl), 'overload');
    const { id: projectId } = await newProject(gateway, owner.accessToken, 'Overload');
    const task = await gateway.call('POST', `/api/v1/projects/${projectId}/tasks`, { token: owner.accessToken, body: { title: 'Busy' } });
    const headers = { authorization: `Bearer ${owner.accessToken}` };
    // Four reads to one write (comments have no plan limit).
    mix = (index) =>
      index % 5 === 4
        ? {
            url: `${platform.gatewayUrl}/api/v1/projects/${projectId}/tasks/${task.body.id}/comments`,
            method: 'POST',
            headers,
            body: { body: `Load ${index}` },
            expectStatus: 201,
          }
        : { url: `${platform.gatewayUrl}/api/v1/projects/${projectId}`, headers };
  });

  afterAll(async () => {
    await platform?.stop();
  });

  it('sheds with 503 + Retry-After, fails no admitted request, stays up and bounded in memory', async () => {
    const pid = platform.process.child.pid!;
    await closedLoop({ request: mix, connections: 16, seconds: 2 }); // warm-up
    const sustainable = await closedLoop({ request: mix, connections: 16, seconds: 4 });
    expect(sustainable.failed).toBe(0);
    const rssBefore = rssMiB(pid);
    let rssMax = rssBefore;
    const overload = await openLoop({
      request: mix,
      ratePerSecond: Math.max(100, 2 * sustainable.admittedPerSec),
      seconds: OVERLOAD_SECONDS,
      connections: 300,
      windowSeconds: 3,
      onWindow: () => (rssMax = Math.max(rssMax, rssMiB(pid))),
    });
    console.log(
      `sustainable ${sustainable.admittedPerSec.toFixed(0)} req/s; at 2×: admitted ${overload.admittedPerSec.toFixed(0)} req/s, ` +
        `shed ${(overload.shedRatio * 100).toFixed(1)}%, admitted p50 ${overload.p50} ms p99 ${overload.p99} ms; RSS ${rssBefore.toFixed(0)} → max ${rssMax.toFixed(0)} MiB`,
    );

    expect(overload.failures).toEqual({});
    expect(overload.shedWithoutRetryAfter).toBe(0);
    expect(overload.shed).toBeGreaterThan(0);
    expect(overload.admitted).toBeGreaterThan(0);
    expect(platform.process.child.exitCode).toBeNull();
    // Generous: a leak under a 15 s flood would grow by far more; normal heap growth stays well under.
    expect(rssMax - rssBefore).toBeLessThan(400);
    // And it recovers at once: an ordinary request right after is served.
    expect((await fetch(mix(0).url, { headers: mix(0).headers })).status).toBe(200);
  });
});
