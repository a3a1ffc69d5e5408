/**
 * What tests can make webhook delivery do wrong, to prove the platform copes with what real
 * webhooks do: get lost, arrive twice, arrive late, arrive out of order.
 */
export interface WebhookFaults {
  /** The next N events are never sent (they stay in /v1/events, where a reconciler can find them). */
  dropNext: number;
  /** Each event is sent twice, same id, as Stripe may do after a lost acknowledgement. */
  duplicate: boolean;
  /** Each event waits this long before its first attempt. */
  delayMs: number;
  /** The next N events are held back, then sent newest first once the Nth arrives (or on flush). */
  reorderNext: number;
}

export const NO_FAULTS: WebhookFaults = { dropNext: 0, duplicate: false, delayMs: 0, reorderNext: 0 };

/** The switch, counting down the per-event budgets as events pass through it. */
export class WebhookFaultSwitch {
  private state: WebhookFaults = { ...NO_FAULTS };

  current(): WebhookFaults {
    return { ...this.state };
  }

  /** Replaces the whole state: fields left out are switched off, so a test never inherits a half-set fault. */
  set(faults: Partial<WebhookFaults>): WebhookFaults {
    this.state = { ...NO_FAULTS, ...faults };
    return this.current();
  }

  takeDrop(): boolean {
    if (this.state.dropNext <= 0) return false;
    this.state.dropNext -= 1;
    return true;
  }

  /** True when this event joins the held group; once `holdsMore` turns false the group is complete. */
  takeHold(): boolean {
    if (this.state.reorderNext <= 0) return false;
    this.state.reorderNext -= 1;
    return true;
  }

  get holdsMore(): boolean {
    return this.state.reorderNext > 0;
  }
}
