import type { SandboxLogger } from './sandbox-logger.js';
import type { EventObject } from './stripe-objects.js';
import { TimerSet } from './timers.js';
import { NO_FAULTS, WebhookFaultSwitch } from './webhook-faults.js';
import { signatureHeader } from './webhook-signature.js';

/** One line of the delivery log tests read through GET /__sandbox/webhooks. */
export interface WebhookDelivery {
  eventId: string;
  type: string;
  /** 1 for the first try; 0 for events the fault switch dropped or held without trying. */
  attempt: number;
  outcome: 'delivered' | 'failed' | 'dropped' | 'held';
  status?: number;
  error?: string;
  at: string;
}

export interface WebhookDispatcherOptions {
  url: string | undefined;
  secret: string;
  /** Attempts per event, the first included; Stripe retries for days, a dev sandbox gives up sooner. */
  maxAttempts: number;
  /** Backoff before retry n is retryBaseMs · 2^(n-1). */
  retryBaseMs: number;
  attemptTimeoutMs: number;
  logger: SandboxLogger;
}

interface Attempt {
  event: EventObject;
  attempt: number;
  /** Wall-clock ms; delivery must use real time, since receivers check the signature's timestamp against theirs. */
  dueAt: number;
}

const MAX_LOG_ENTRIES = 1000;

/**
 * Sends events to the one configured endpoint, signed like Stripe's, one request at a time so they
 * arrive in the order they happened unless a fault says otherwise. Failed attempts (non-2xx or a
 * network error) are retried with exponential backoff and join the back of the queue, so later
 * events can overtake a retried one, as with Stripe.
 */
export class WebhookDispatcher {
  readonly faults = new WebhookFaultSwitch();
  private url: string | undefined;
  private queue: Attempt[] = [];
  private held: EventObject[] = [];
  private log: WebhookDelivery[] = [];
  private readonly timers = new TimerSet();
  private inFlight: AbortController | null = null;
  private wakeScheduled = false;
  private pendingRetries = 0;
  // Bumped by reset/close so an attempt that was in flight then does not touch the new state.
  private generation = 0;
  private idleWaiters: Array<() => void> = [];
  private closed = false;

  constructor(private readonly options: WebhookDispatcherOptions) {
    this.url = options.url;
  }

  get endpointCount(): number {
    return this.url ? 1 : 0;
  }

  setUrl(url: string | undefined): void {
    this.url = url;
  }

  /** Sends a new event, through the fault switch. */
  publish(event: EventObject): void {
    if (!this.url || this.closed) return;
    if (this.faults.takeDrop()) {
      this.record(event, 0, 'dropped');
      return;
    }
    if (this.faults.takeHold()) {
      this.held.push(event);
      this.record(event, 0, 'held');
      if (!this.faults.holdsMore) this.releaseHeld();
      return;
    }
    this.enqueue(event, true);
  }

  /** Sends an event again on request, bypassing every fault: the test asked for exactly this delivery. */
  replay(event: EventObject): void {
    this.enqueue(event, false);
  }

  /** Sends the held events now, newest first, even if fewer arrived than the fault was waiting for. */
  releaseHeld(): number {
    const group = this.held.reverse();
    this.held = [];
    for (const event of group) this.enqueue(event, true);
    return group.length;
  }

  deliveries(): WebhookDelivery[] {
    return this.log.map((entry) => ({ ...entry }));
  }

  get heldCount(): number {
    return this.held.length;
  }

  /** Resolves once nothing is queued, in flight or waiting for a retry. Held events do not count: they wait for a flush. */
  settled(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  reset(): void {
    this.generation += 1;
    this.inFlight?.abort();
    this.inFlight = null;
    this.queue = [];
    this.held = [];
    this.log = [];
    this.timers.clear();
    this.wakeScheduled = false;
    this.pendingRetries = 0;
    this.faults.set({});
    this.notifyIfIdle();
  }

  close(): void {
    this.closed = true;
    this.reset();
  }

  private enqueue(event: EventObject, withFaults: boolean): void {
    if (!this.url || this.closed) return;
    const { duplicate, delayMs } = withFaults ? this.faults.current() : NO_FAULTS;
    const dueAt = Date.now() + delayMs;
    for (let copy = 0; copy < (duplicate ? 2 : 1); copy++) this.queue.push({ event, attempt: 1, dueAt });
    this.pump();
  }

  private pump(): void {
    if (this.closed || this.inFlight || this.wakeScheduled) return;
    const next = this.queue[0];
    if (!next) {
      this.notifyIfIdle();
      return;
    }
    const wait = next.dueAt - Date.now();
    if (wait > 0) {
      this.wakeScheduled = true;
      this.timers.after(wait, () => {
        this.wakeScheduled = false;
        this.pump();
      });
      return;
    }
    this.queue.shift();
    void this.send(next);
  }

  private async send(item: Attempt): Promise<void> {
    const generation = this.generation;
    const controller = new AbortController();
    this.inFlight = controller;
    const result = await this.post(item.event, controller);
    if (generation !== this.generation) return;
    this.inFlight = null;

    const delivered = result.status !== undefined && result.status >= 200 && result.status < 300;
    this.record(item.event, item.attempt, delivered ? 'delivered' : 'failed', result);
    if (!delivered) this.scheduleRetry(item, result);
    this.pump();
  }

  private async post(event: EventObject, controller: AbortController): Promise<{ status?: number; error?: string }> {
    const url = this.url;
    if (!url) return { error: 'no webhook endpoint configured' };
    const payload = JSON.stringify(event, null, 2);
    const timeout = setTimeout(
      () => controller.abort(new Error(`no answer within ${this.options.attemptTimeoutMs} ms`)),
      this.options.attemptTimeoutMs,
    );
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'stripe-signature': signatureHeader(payload, this.options.secret, Math.floor(Date.now() / 1000)),
          'user-agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
        },
        body: payload,
        signal: controller.signal,
      });
      // Read the body so the connection goes back to the pool; its content does not matter.
      await response.arrayBuffer().catch(() => undefined);
      return { status: response.status };
    } catch (error) {
      return { error: describeFailure(controller.signal.aborted ? controller.signal.reason : error) };
    } finally {
      clearTimeout(timeout);
    }
  }

  private scheduleRetry(item: Attempt, result: { status?: number; error?: string }): void {
    const { event, attempt } = item;
    if (attempt >= this.options.maxAttempts) {
      this.options.logger.warn({ eventId: event.id, type: event.type, attempts: attempt, ...result }, 'webhook given up');
      return;
    }
    this.pendingRetries += 1;
    this.timers.after(this.options.retryBaseMs * 2 ** (attempt - 1), () => {
      this.pendingRetries -= 1;
      this.queue.push({ event, attempt: attempt + 1, dueAt: 0 });
      this.pump();
    });
  }

  private record(
    event: EventObject,
    attempt: number,
    outcome: WebhookDelivery['outcome'],
    result: { status?: number; error?: string } = {},
  ): void {
    this.log.push({ eventId: event.id, type: event.type, attempt, outcome, ...result, at: new Date().toISOString() });
    if (this.log.length > MAX_LOG_ENTRIES) this.log.splice(0, this.log.length - MAX_LOG_ENTRIES);
    const fields = { eventId: event.id, type: event.type, attempt, ...result };
    if (outcome === 'failed') this.options.logger.warn(fields, 'webhook attempt failed');
    else this.options.logger.info(fields, `webhook ${outcome}`);
  }

  private isIdle(): boolean {
    return this.queue.length === 0 && !this.inFlight && !this.wakeScheduled && this.pendingRetries === 0;
  }

  private notifyIfIdle(): void {
    if (!this.isIdle() && !this.closed) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }
}

/** fetch reports every network failure as "fetch failed"; the cause (ECONNREFUSED, …) is what a developer needs. */
function describeFailure(reason: unknown): string {
  if (!(reason instanceof Error)) return String(reason);
  const cause = reason.cause as { code?: unknown; message?: unknown } | undefined;
  const detail = typeof cause?.code === 'string' ? cause.code : typeof cause?.message === 'string' ? cause.message : undefined;
  return detail ? `${reason.message}: ${detail}` : reason.message;
}
