export interface AdmissionLimits {
  /** Requests worked on at once; more wait in the queue. */
  maxInFlight: number;
  /** Requests that may wait for a slot; beyond it a request is refused at once. */
  maxQueued: number;
  /** How long a request may wait for a slot before it is refused. */
  queueTimeoutMs: number;
}

/** Gives the slot back; safe to call more than once. */
export type Release = () => void;

interface Waiter {
  admit(release: Release): void;
  timer: NodeJS.Timeout;
}

/**
 * A bounded concurrency limit with a short bounded FIFO queue. Under overload the excess is refused
 * quickly (the caller answers 503 + Retry-After) instead of piling up: admitted requests keep a
 * bounded latency (at most the queue wait plus the work at `maxInFlight`), and memory stays bounded
 * by `maxInFlight + maxQueued` requests.
 */
export class AdmissionControl {
  private inFlight = 0;
  private readonly queue: Waiter[] = [];
  private shed = 0;

  constructor(private readonly limits: AdmissionLimits) {}

  /** A release when admitted (at once or after waiting), or undefined when refused. */
  enter(): Release | undefined | Promise<Release | undefined> {
    if (this.inFlight < this.limits.maxInFlight && this.queue.length === 0) return this.take();
    if (this.queue.length >= this.limits.maxQueued) return this.refuse();
    return new Promise((resolve) => {
      const waiter: Waiter = {
        admit: resolve,
        timer: setTimeout(() => {
          const index = this.queue.indexOf(waiter);
          if (index >= 0) this.queue.splice(index, 1);
          resolve(this.refuse());
        }, this.limits.queueTimeoutMs),
      };
      this.queue.push(waiter);
    });
  }

  /** For metrics and tests. */
  stats(): { inFlight: number; queued: number; shed: number } {
    return { inFlight: this.inFlight, queued: this.queue.length, shed: this.shed };
  }

  private take(): Release {
    this.inFlight++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.inFlight--;
      this.admitNext();
    };
  }

  private admitNext(): void {
    const next = this.queue.shift();
    if (!next) return;
    clearTimeout(next.timer);
    next.admit(this.take());
  }

  private refuse(): undefined {
    this.shed++;
    return undefined;
  }
}
