import { newId } from './ids.js';
import type { SandboxStore } from './sandbox-store.js';
import type { ChargeObject, EventObject, EventType, PaymentIntentObject } from './stripe-objects.js';

/** Which API request caused a change; both null when the sandbox changes something on its own. */
export interface RequestInfo {
  id: string | null;
  idempotencyKey: string | null;
}

export const NO_REQUEST: RequestInfo = { id: null, idempotencyKey: null };

export interface EventLogOptions {
  store: SandboxStore;
  apiVersion: string;
  now: () => number;
  /** Stripe's `pending_webhooks`: how many endpoints the event goes to (here 0 or 1). */
  endpointCount: () => number;
  /** Called with every new event, after it is stored, so /v1/events already has it when a webhook arrives. */
  onEvent: (event: EventObject) => void;
}

/** Records an Event for each state change, holding a snapshot of the object as it was at that moment. */
export class EventLog {
  constructor(private readonly options: EventLogOptions) {}

  record(type: EventType, object: PaymentIntentObject | ChargeObject, request: RequestInfo): EventObject {
    const { store, apiVersion, now, endpointCount, onEvent } = this.options;
    const event: EventObject = {
      id: newId('evt'),
      object: 'event',
      api_version: apiVersion,
      created: Math.floor(now() / 1000),
      // A clone: later changes to the object must not rewrite history already sent out.
      data: { object: structuredClone(object) },
      livemode: false,
      pending_webhooks: endpointCount(),
      request: { id: request.id, idempotency_key: request.idempotencyKey },
      type,
    };
    store.events.add(event);
    onEvent(event);
    return event;
  }
}
