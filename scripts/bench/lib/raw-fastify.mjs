// The baseline every HTTP benchmark is divided by: a bare Fastify hello-world in a child process of
// its own (as the gateway is), loaded by the same autocannon settings in the same run. Its req/s
// says how fast this machine answers HTTP right now; ratios to it survive a busy or slow machine.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { measureLoad } from './http-load.mjs';

const root = fileURLToPath(new URL('../../..', import.meta.url));

const server = `
import Fastify from 'fastify';
const app = Fastify({ logger: false });
app.get('/', async () => ({ hello: 'world' }));
await app.listen({ port: 0, host: '127.0.0.1' });
console.log('listening ' + app.server.address().port);
`;

/** Starts the hello-world; `url` answers until `stop()`; `seconds` it took to listen, `pid` for its RSS. */
export async function startRawFastify() {
  const started = performance.now();
  const child = spawn(process.execPath, ['--input-type=module', '-e', server], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = /listening (\d+)/.exec(out);
      if (match) resolve(Number(match[1]));
    });
    child.once('exit', (code) => reject(new Error(`raw Fastify exited with ${code}`)));
  });
  return {
    url: `http://127.0.0.1:${port}/`,
    seconds: (performance.now() - started) / 1000,
    pid: child.pid,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', resolve);
        child.kill('SIGTERM');
      }),
  };
}

/** The baseline load figures (median round), measured now. */
export async function measureRawFastify(options) {
  const fastify = await startRawFastify();
  try {
    return await measureLoad({ url: fastify.url }, options);
  } finally {
    await fastify.stop();
  }
}
