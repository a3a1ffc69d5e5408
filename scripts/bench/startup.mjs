// Start-up time and memory of the embedded platform (what `npm start` runs),
// fresh (first start: initdb + migrations) and on a restart, with the web app. Printed beside a
// baseline measured in the same run — a bare PGlite engine started in a fresh data directory — so
// the ratio says what the platform adds on this machine, whatever its speed today.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startRawFastify } from './lib/raw-fastify.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));

async function baselineSeconds() {
  const dir = mkdtempSync(join(tmpdir(), 'msp-bench-pglite-'));
  const started = performance.now();
  execFileSync(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `import { PGlite } from '@electric-sql/pglite'; const db = await PGlite.create(${JSON.stringify(dir)}); await db.close();`,
    ],
    { cwd: join(root, 'packages/platform') },
  );
  rmSync(dir, { recursive: true, force: true });
  return (performance.now() - started) / 1000;
}

function rssMiB(pid) {
  const ids = [
    pid,
    ...execFileSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' })
      .split('\n')
      .map((s) => s.trim())
      .filter(Boolean)
      .map(Number),
  ];
  const kib = ids
    .map((id) => Number(execFileSync('ps', ['-o', 'rss=', '-p', String(id)], { encoding: 'utf8' }).trim() || 0))
    .reduce((a, b) => a + b, 0);
  return kib / 1024;
}

async function startPlatform(dataDir, port0) {
  const env = {
    ...process.env,
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    GATEWAY_PORT: port0,
    WEB_PORT: port0 + 1,
    SMTP_PORT: port0 + 2,
    INBOX_PORT: port0 + 3,
    AUTH_GRPC_PORT: port0 + 4,
    USER_GRPC_PORT: port0 + 5,
    PROJECT_GRPC_PORT: port0 + 6,
    COMMS_GRPC_PORT: port0 + 7,
  };
  const started = performance.now();
  const child = spawn(process.execPath, ['apps/embedded/dist/main.js'], { cwd: root, env, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (chunk) => (out += chunk));
  while (!out.includes('is ready')) {
    if (child.exitCode !== null) throw new Error(`platform exited:\n${out}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const seconds = (performance.now() - started) / 1000;
  await new Promise((resolve) => setTimeout(resolve, 2000));
  const rss = rssMiB(child.pid);
  await new Promise((resolve) => {
    child.once('exit', resolve);
    child.kill('SIGTERM');
  });
  return { seconds, rss };
}

/** The shared baseline of every benchmark: a raw Fastify hello-world's time to listen and its RSS. */
async function rawFastify() {
  const fastify = await startRawFastify();
  try {
    await new Promise((resolve) => setTimeout(resolve, 500));
    // One process, no children (ps --ppid would fail on none).
    const kib = Number(execFileSync('ps', ['-o', 'rss=', '-p', String(fastify.pid)], { encoding: 'utf8' }).trim());
    return { seconds: fastify.seconds, rss: kib / 1024 };
  } finally {
    await fastify.stop();
  }
}

/** Measures a fresh start and a restart of what `npm start` runs; returns the figures it printed. */
export async function run() {
  const port0 = 24000 + Math.floor(Math.random() * 2000) * 10;
  const dataDir = mkdtempSync(join(tmpdir(), 'msp-bench-'));
  try {
    const fastify = await rawFastify();
    const baseline = await baselineSeconds();
    const fresh = await startPlatform(dataDir, port0);
    const restart = await startPlatform(dataDir, port0);
    const row = (name, seconds, rss) =>
      console.log(
        `${name.padEnd(34)} ${seconds.toFixed(2).padStart(6)} s  ×${(seconds / baseline).toFixed(2).padStart(5)} PGlite  ×${(seconds / fastify.seconds).toFixed(1).padStart(6)} Fastify` +
          (rss ? `  ${rss.toFixed(0).padStart(5)} MiB RSS  ×${(rss / fastify.rss).toFixed(1)} Fastify` : ''),
      );
    console.log('embedded platform start-up (ratios to a bare PGlite initdb and to a raw Fastify hello-world, same run)');
    row('baseline: raw Fastify hello-world', fastify.seconds, fastify.rss);
    row('baseline: bare PGlite, fresh dir', baseline);
    row('npm start, fresh data dir', fresh.seconds, fresh.rss);
    row('npm start, restart', restart.seconds, restart.rss);
    return { rawFastify: fastify, baselineSeconds: baseline, fresh, restart };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await run();
