import type { Logger } from '../logging/logger.js';

/**
 * Runs `pass` repeatedly: again at once while it reports more work, else after `intervalMs` or
 * as soon as someone pokes it. Used by the outbox relay and the email dispatcher.
 */
export class PollingLoop {
  private running = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;

  constructor(
    private readonly name: string,
    /** One unit of work; resolves true when more is waiting. */
    private readonly pass: () => Promise<boolean>,
    private readonly intervalMs: number,
    private readonly logger: Logger,
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  poke(): void {
    this.wake?.();
  }

  /** Lets the pass in progress finish, then stops. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.wake?.();
    await this.loop;
  }

  private async run(): Promise<void> {
    while (this.running) {
      let more = false;
      try {
        more = await this.pass();
      } catch (error) {
        this.logger.warn({ err: error }, `${this.name} pass failed`);
      }
      if (!more && this.running) await this.sleep();
    }
  }

  private sleep(): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, this.intervalMs);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }
}
