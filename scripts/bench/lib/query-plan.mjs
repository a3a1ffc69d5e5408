// Timing and plans of single statements, for the scale benchmarks.

/** Median and fastest of `runs` timed calls, after `warmups` untimed ones (caches, plan warm-up, JIT). */
export async function timed(work, { warmups = 3, runs = 15 } = {}) {
  for (let i = 0; i < warmups; i++) await work();
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await work();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  return { medianMs: samples[Math.floor(samples.length / 2)], minMs: samples[0] };
}

/**
 * EXPLAIN (ANALYZE) of a statement exactly as it was sent (same text, same parameters: the planner
 * makes the same custom plan the service got). Buffers are off: PGlite reports none, and the text
 * stays comparable between the two engines.
 */
export async function explain(query, { query: text, params }) {
  const rows = await query(`explain (analyze, buffers off) ${text}`, params);
  const plan = rows.map((row) => row['QUERY PLAN']).join('\n');
  return { plan, ...accessPaths(plan, 'tasks') };
}

/** How a plan reads `table`: the indexes it scans, and whether it reads the whole table instead. */
export function accessPaths(plan, table) {
  const indexes = new Set();
  for (const [, name] of plan.matchAll(new RegExp(`Index (?:Only )?Scan(?: Backward)? using (\\w+) on ${table}\\b`, 'g'))) {
    indexes.add(name);
  }
  for (const [, name] of plan.matchAll(/Bitmap Index Scan on (\w+)/g)) if (name.startsWith(`${table}_`)) indexes.add(name);
  return { indexes: [...indexes], seqScan: new RegExp(`Seq Scan on ${table}\\b`).test(plan) };
}
