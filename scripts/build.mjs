#!/usr/bin/env node
// Builds what `npm start` and the tests run: every TypeScript package (tsc -b, incremental, so a
// second run with nothing changed takes a moment) and the web app (next build, only when its
// sources or its dependencies changed since the last build). `--web` forces the web check even
// where it is skipped by default (SKIP_WEB_BUILD=1). After it, the first-load JavaScript of every
// route is printed and the build fails when the sign-in or board page exceeds its budget.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { reportFirstLoad } from './web-first-load.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const tsc = join(root, 'node_modules/typescript/bin/tsc');
execFileSync(process.execPath, [tsc, '-b', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });

const wantWeb = process.argv.includes('--web') || process.env.SKIP_WEB_BUILD !== '1';
if (wantWeb && webIsStale()) {
  console.log('Building the web app (next build)…');
  execFileSync(process.execPath, [join(root, 'node_modules/next/dist/bin/next'), 'build'], {
    cwd: join(root, 'apps/web'),
    stdio: 'inherit',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
}
if (wantWeb) {
  // Issue 7's budget, checked on every build the web app takes part in (also when it was up to date).
  const breaches = reportFirstLoad(join(root, 'apps/web'));
  if (breaches.length > 0) {
    console.error(`First-load JavaScript over budget: ${breaches.join('; ')}`);
    process.exit(1);
  }
}

function webIsStale() {
  const buildId = join(root, 'apps/web/.next/BUILD_ID');
  if (!existsSync(buildId)) return true;
  const builtAt = statSync(buildId).mtimeMs;
  const inputs = [join(root, 'apps/web/src'), join(root, 'apps/web/public'), join(root, 'packages/api-client/dist')];
  const files = ['apps/web/package.json', 'apps/web/next.config.ts', 'package-lock.json'].map((f) => join(root, f));
  return [...inputs.flatMap(walk), ...files].some((file) => existsSync(file) && statSync(file).mtimeMs > builtAt);
}

function walk(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}
