// Sign-in throughput, POST /api/v1/auth/login at 50 connections through the distributed platform:
// one verified user signing in again and again (each login checks the argon2id hash and opens a
// session). Printed beside a raw Fastify hello-world loaded the same way in the same run; argon2 is
// the point of a login, so the ratio is small by design and says how many sign-ins a core affords.
import { pathToFileURL } from 'node:url';
import { signUpUser, startBenchPlatform } from './lib/bench-platform.mjs';
import { CONNECTIONS, loadRow, measureLoad } from './lib/http-load.mjs';
import { measureRawFastify } from './lib/raw-fastify.mjs';

/** Measures the baseline, then logins; returns the figures it printed. */
export async function run() {
  const baseline = await measureRawFastify();
  const platform = await startBenchPlatform();
  try {
    const user = await signUpUser(platform, 'login');
    const login = await measureLoad({
      url: `${platform.gatewayUrl}/api/v1/auth/login`,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: user.email, password: user.password }),
    });
    console.log(`login, ${CONNECTIONS} connections (ratio to raw Fastify in the same run)`);
    console.log(loadRow('baseline: raw Fastify hello-world', baseline));
    console.log(loadRow('POST /api/v1/auth/login (argon2id)', login, baseline));
    return { baseline, login, ratio: login.reqPerSec / baseline.reqPerSec };
  } finally {
    await platform.stop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await run();
