#!/usr/bin/env node
// `npm start`: builds what changed, then runs the whole platform in one process on its embedded
// defaults (PGlite in ./.data, in-process cache and bus, dev SMTP inbox).
// `npm run start:distributed`: every service in its own process against the real PostgreSQL,
// Redis and RabbitMQ (see scripts/distributed.mjs for the variables it sets).
import { execFileSync, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
execFileSync(process.execPath, [fileURLToPath(new URL('build.mjs', import.meta.url))], { cwd: root, stdio: 'inherit' });

const distributed = process.argv.includes('--distributed');
const entry = distributed ? fileURLToPath(new URL('distributed.mjs', import.meta.url)) : 'apps/embedded/dist/main.js';
const child = spawn(process.execPath, [entry], { cwd: root, stdio: 'inherit' });
// Ctrl-C reaches the child through the terminal's process group; a SIGTERM sent to this script is passed on.
process.on('SIGTERM', () => child.kill('SIGTERM'));
process.on('SIGINT', () => {});
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
