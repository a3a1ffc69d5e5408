import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

// One runner for every Node package. Projects by what a suite needs:
//   unit      — *.spec.ts next to the code; no servers, no network beyond loopback stand-ins
//   embedded  — test/**/*.embedded-spec.ts: the whole platform in embedded mode (PGlite), no servers
//   servers   — *.int-spec.ts and test/**/*.distributed-spec.ts: real PostgreSQL, Redis and RabbitMQ
//   browser   — test/**/*.browser-spec.ts: the web app in headless Chromium
const exclude = ['**/node_modules/**', '**/dist/**', 'apps/web/**', 'apps/mobile/**'];
// SWC (not esbuild) compiles the tests so Nest's decorator metadata exists, as in the tsc build.
const plugins = [swc.vite({ module: { type: 'es6' } })];

export default defineConfig({
  test: {
    projects: [
      {
        plugins,
        test: { name: 'unit', include: ['{apps,packages,dev}/*/src/**/*.spec.ts'], exclude, hookTimeout: 60_000, testTimeout: 30_000 },
      },
      {
        plugins,
        test: {
          name: 'embedded',
          include: ['test/**/*.embedded-spec.ts'],
          exclude,
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        plugins,
        test: {
          name: 'servers',
          include: ['{apps,packages,dev}/*/src/**/*.int-spec.ts', 'test/**/*.distributed-spec.ts'],
          exclude,
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        plugins,
        test: {
          name: 'browser',
          include: ['test/**/*.browser-spec.ts'],
          exclude,
          testTimeout: 90_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
