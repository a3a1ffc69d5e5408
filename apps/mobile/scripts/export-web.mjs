#!/usr/bin/env node
// Exports the web build (dist/web) only when its inputs changed since the last export, so the browser
// tests and a second `npm run test:browser` do not pay ~20 s of bundling for nothing. `--force`
// exports regardless. Runs offline and without telemetry, as CI does.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const app = fileURLToPath(new URL('..', import.meta.url));
const root = join(app, '../..');
const output = join(app, 'dist/web');
const builtMarker = join(output, 'index.html');

function walk(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

function isStale() {
  if (!existsSync(builtMarker)) return true;
  const builtAt = statSync(builtMarker).mtimeMs;
  const inputs = [
    ...walk(join(app, 'app')),
    ...walk(join(app, 'src')),
    ...walk(join(root, 'packages/api-client/dist')),
    ...['app.json', 'package.json'].map((file) => join(app, file)),
    join(root, 'package-lock.json'),
  ];
  return inputs.some((file) => existsSync(file) && statSync(file).mtimeMs > builtAt);
}

if (process.argv.includes('--force') || isStale()) {
  console.log('Exporting the mobile app for the web (expo export)…');
  const expoCli = join(dirname(createRequire(join(app, 'package.json')).resolve('expo/package.json')), 'bin/cli');
  execFileSync(process.execPath, [expoCli, 'export', '--platform', 'web', '--output-dir', 'dist/web'], {
    cwd: app,
    stdio: 'inherit',
    env: { ...process.env, EXPO_OFFLINE: '1', EXPO_NO_TELEMETRY: '1', CI: '1' },
  });
} else {
  console.log('The mobile web export is up to date.');
}
