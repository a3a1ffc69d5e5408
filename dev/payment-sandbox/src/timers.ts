/**
 * The sandbox's pending timers (delayed settlements, webhook retries), kept together so reset and
 * close can cancel every one of them: a forgotten timer would fire into cleared state, or keep a
 * test process alive.
 */
export class TimerSet {
  private readonly timers = new Set<NodeJS.Timeout>();

  after(ms: number, run: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      run();
    }, ms);
    this.timers.add(timer);
  }

  clear(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }
}
