#!/usr/bin/env node
// `npm start`: builds what changed, then runs the whole platform in this very process on its
// embedded defaults (PGlite in ./.data, in-process cache and bus, dev SMTP inbox, web app).
// `npm run start:distributed`: every service in its own process against the real PostgreSQL,
// Redis and RabbitMQ (see scripts/distributed.mjs for the variables it reads).
// Running in this process (not a child) means a signal to the process group reaches it once.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
execFileSync(process.execPath, [fileURLToPath(new URL('build.mjs', import.meta.url))], { cwd: root, stdio: 'inherit' });

if (process.argv.includes('--distributed')) {
  const { runDistributed } = await import('./distributed.mjs');
  await runDistributed();
} else {
  process.chdir(root);
  await import('../apps/embedded/dist/main.js');
}
