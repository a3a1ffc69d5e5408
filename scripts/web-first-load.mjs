// First-load JavaScript of every route of the built web app, from what `next build` writes: Next 16
// lists each App Router route's first-load chunks in .next/diagnostics/route-bundle-stats.json (the
// numbers its own build summary prints). Sizes are gzip-compressed the way the browser suite measures
// what Chromium actually fetches (test/browser/web-helpers.ts `firstLoad()`: gzipSync, default level,
// kB = 1024 bytes), so the two figures can be compared; see apps/web/README.md.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Issue 7: the sign-in and board pages each stay under 250 kB compressed. */
export const FIRST_LOAD_BUDGET_KB = 250;
export const BUDGETED_ROUTES = { 'sign-in': '/signin', board: '/projects/[projectId]' };

/** `[{ route, kb }]`, heaviest first; throws when the build output lacks the statistics. */
export function firstLoadByRoute(webDir) {
  const statsFile = join(webDir, '.next/diagnostics/route-bundle-stats.json');
  if (!existsSync(statsFile)) {
    throw new Error(`${statsFile} is missing: next build did not write its route statistics (a Next.js upgrade?)`);
  }
  const routes = JSON.parse(readFileSync(statsFile, 'utf8'));
  const gzipped = new Map();
  const sizeOf = (chunk) => {
    if (!gzipped.has(chunk)) gzipped.set(chunk, gzipSync(readFileSync(join(webDir, chunk))).length);
    return gzipped.get(chunk);
  };
  return routes
    .map(({ route, firstLoadChunkPaths }) => {
      const bytes = [...new Set(firstLoadChunkPaths)].reduce((sum, chunk) => sum + sizeOf(chunk), 0);
      return { route, kb: Math.round(bytes / 102.4) / 10 };
    })
    .sort((a, b) => b.kb - a.kb || a.route.localeCompare(b.route));
}

/** Prints every route's figure and returns the budget breaches (empty when within budget). */
export function reportFirstLoad(webDir, log = console.log) {
  const routes = firstLoadByRoute(webDir);
  const width = Math.max(...routes.map(({ route }) => route.length));
  log('First-load JavaScript per route (gzip):');
  for (const { route, kb } of routes) log(`  ${route.padEnd(width)}  ${kb.toFixed(1).padStart(6)} kB`);
  const breaches = [];
  for (const [name, route] of Object.entries(BUDGETED_ROUTES)) {
    const found = routes.find((entry) => entry.route === route);
    if (!found) breaches.push(`the ${name} page (${route}) is not in the build output`);
    else if (found.kb > FIRST_LOAD_BUDGET_KB) breaches.push(`the ${name} page loads ${found.kb} kB, over ${FIRST_LOAD_BUDGET_KB} kB`);
    else log(`${name} page ${route}: ${found.kb} kB of ${FIRST_LOAD_BUDGET_KB} kB`);
  }
  return breaches;
}
