// The authenticated project read, GET /api/v1/projects/{id}, at 50 connections through the
// distributed platform: one user's access token (every request verified and checked against the
// session revocation list, as always) reading one project they own. Printed beside a raw Fastify
// hello-world loaded the same way in the same run; the bar is ×0.15 with p99 ≤ 25 ms.
import { pathToFileURL } from 'node:url';
import { createProject, signUpUser, startBenchPlatform } from './lib/bench-platform.mjs';
import { CONNECTIONS, loadRow, measureLoad } from './lib/http-load.mjs';
import { measureRawFastify } from './lib/raw-fastify.mjs';

/** Measures the baseline, then the read; returns the figures it printed. */
export async function run() {
  const baseline = await measureRawFastify();
  const platform = await startBenchPlatform();
  try {
    const owner = await signUpUser(platform, 'reader');
    const project = await createProject(platform, owner);
    const read = await measureLoad({
      url: `${platform.gatewayUrl}/api/v1/projects/${project.id}`,
      headers: { authorization: `Bearer ${owner.accessToken}` },
    });
    const ratio = read.reqPerSec / baseline.reqPerSec;
    console.log(`authenticated project read, ${CONNECTIONS} connections (ratio to raw Fastify in the same run)`);
    console.log(loadRow('baseline: raw Fastify hello-world', baseline));
    console.log(loadRow('GET /api/v1/projects/{id} (bearer token)', read, baseline));
    console.log(`target ×0.15 and p99 ≤ 25 ms: ${ratio >= 0.15 && read.p99 <= 25 ? 'met' : 'not met'}`);
    return { baseline, read, ratio };
  } finally {
    await platform.stop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await run();
