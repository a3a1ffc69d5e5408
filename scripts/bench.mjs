#!/usr/bin/env node
// `npm run bench [name…]`: runs the benchmarks in scripts/bench/ (all, or those named), each printing
// its figures beside a baseline measured in the same run, and writes every result to
// bench-results/latest.json. Nothing here asserts a time: these machines are shared and noisy.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';

const benchDir = fileURLToPath(new URL('./bench/', import.meta.url));
// Each scripts/bench/*.mjs is one benchmark exporting run(); shared helpers live in scripts/bench/lib/.
const available = readdirSync(benchDir)
  .filter((file) => file.endsWith('.mjs'))
  .map((file) => file.replace(/\.mjs$/, ''))
  .sort();
const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !available.includes(name));
if (unknown.length > 0) {
  console.error(`unknown benchmark(s): ${unknown.join(', ')}; available: ${available.join(', ')}`);
  process.exit(2);
}

const results = {};
for (const name of wanted.length > 0 ? wanted : available) {
  console.log(`\n== ${name} ==`);
  const bench = await import(pathToFileURL(`${benchDir}${name}.mjs`).href);
  results[name] = await bench.run();
}

const outDir = fileURLToPath(new URL('../bench-results/', import.meta.url));
mkdirSync(outDir, { recursive: true });
const machine = { cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version };
writeFileSync(`${outDir}latest.json`, JSON.stringify({ at: new Date().toISOString(), machine, results }, null, 2));
console.log(`\nresults written to bench-results/latest.json`);
