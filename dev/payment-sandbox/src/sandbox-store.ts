import type { ChargeObject, EventObject, PaymentIntentObject, RefundObject } from './stripe-objects.js';

/** One kind of object by id, remembering creation order (a Map iterates in insertion order). */
export class Records<T extends { id: string }> {
  private readonly byId = new Map<string, T>();

  add(record: T): T {
    this.byId.set(record.id, record);
    return record;
  }

  get(id: string): T | undefined {
    return this.byId.get(id);
  }

  /** Oldest first. */
  all(): T[] {
    return [...this.byId.values()];
  }

  /** Stripe lists newest first. */
  newestFirst(): T[] {
    return this.all().reverse();
  }

  clear(): void {
    this.byId.clear();
  }
}

/** Everything the sandbox knows, in memory: it is a dev stand-in, and a restart is a clean account. */
export class SandboxStore {
  readonly paymentIntents = new Records<PaymentIntentObject>();
  readonly charges = new Records<ChargeObject>();
  readonly refunds = new Records<RefundObject>();
  readonly events = new Records<EventObject>();

  clear(): void {
    this.paymentIntents.clear();
    this.charges.clear();
    this.refunds.clear();
    this.events.clear();
  }
}
