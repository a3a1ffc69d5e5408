#!/usr/bin/env node
// Regenerates every generated source from its contract: gRPC types from the .proto files (buf + ts-proto)
// and, when the gateway is built, the API client types from the gateway's OpenAPI document.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const run = (cmd, args, cwd) => execFileSync(cmd, args, { cwd: new URL(cwd, `file://${root}/`), stdio: 'inherit' });

rmSync(new URL('packages/contracts/src/gen', `file://${root}/`), { recursive: true, force: true });
run('npx', ['buf', 'lint'], 'packages/contracts/');
run('npx', ['buf', 'generate'], 'packages/contracts/');
run('node', ['scripts/generate-api-client.mjs'], './');
