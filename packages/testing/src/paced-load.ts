/**
 * Runs `count` tasks at a steady rate (task i starts no earlier than i / ratePerSecond after the
 * start) with at most `concurrency` in flight: a load that stays the same whatever the machine, as
 * long as the system keeps up, and never more than `concurrency` requests queued when it does not.
 */
export async function runPaced(
  count: number,
  options: { ratePerSecond: number; concurrency: number },
  task: (index: number) => Promise<void>,
): Promise<void> {
  const started = performance.now();
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const index = next++;
      const wait = started + (index * 1000) / options.ratePerSecond - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      await task(index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency, count) }, worker));
}
