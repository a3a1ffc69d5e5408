import type { Charges } from './charges.js';
import type { RequestInfo } from './event-log.js';
import { expandList, expandObject, type Expanders } from './expansions.js';
import type { FormObject } from './form-encoding.js';
import { listPage } from './list-pages.js';
import type { PaymentIntents } from './payment-intents.js';
import type { Refunds } from './refunds.js';
import {
  cancelPaymentIntentParams,
  confirmPaymentIntentParams,
  createPaymentIntentParams,
  createRefundParams,
  listChargesParams,
  listEventsParams,
  listPaymentIntentsParams,
  listRefundsParams,
  parseParams,
  retrieveParams,
  searchParams,
  updatePaymentIntentParams,
} from './request-params.js';
import type { SandboxStore } from './sandbox-store.js';
import { resourceMissing } from './stripe-error.js';
import type { ChargeObject, EventObject, PaymentIntentObject, RefundObject } from './stripe-objects.js';

export interface ApiCall {
  params: FormObject;
  /** The captured path segments, decoded. */
  path: string[];
  request: RequestInfo;
}

export interface ApiResult {
  status: number;
  body: unknown;
  /** Only the timeout card sets it: answer this much later (or never, if the client leaves first). */
  holdResponseMs?: number | undefined;
}

export type ApiHandler = (call: ApiCall) => ApiResult;
export type ApiMethod = 'GET' | 'POST';
export type ApiRoutes = Array<[pattern: RegExp, handlers: Partial<Record<ApiMethod, ApiHandler>>]>;

export interface StripeRoutesDeps {
  store: SandboxStore;
  paymentIntents: PaymentIntents;
  charges: Charges;
  refunds: Refunds;
}

const ok = (body: unknown, holdResponseMs?: number): ApiResult => ({ status: 200, body, holdResponseMs });
const id = (path: string[]) => path[0] ?? '';

/** The part of Stripe's v1 API the platform uses, one line per endpoint where possible. */
export function stripeRoutes({ store, paymentIntents, charges, refunds }: StripeRoutesDeps): ApiRoutes {
  const chargeOf = (chargeId: string) => charges.retrieve(chargeId);
  const intentExpanders: Expanders<PaymentIntentObject> = {
    latest_charge: (pi) => (typeof pi.latest_charge === 'string' ? { ...pi, latest_charge: chargeOf(pi.latest_charge) } : pi),
  };
  const refundExpanders: Expanders<RefundObject> = {
    charge: (re) => (typeof re.charge === 'string' ? { ...re, charge: chargeOf(re.charge) } : re),
    payment_intent: (re) =>
      typeof re.payment_intent === 'string' ? { ...re, payment_intent: paymentIntents.retrieve(re.payment_intent) } : re,
  };
  const noExpanders: Expanders<ChargeObject | EventObject> = {};
  const intent = (pi: PaymentIntentObject, expand: string[] | undefined, holdResponseMs?: number) =>
    ok(expandObject(pi, expand, intentExpanders), holdResponseMs);

  return [
    [
      /^\/v1\/payment_intents$/,
      {
        POST: ({ params, request }) => {
          const p = parseParams(createPaymentIntentParams, params);
          const outcome = paymentIntents.create(p, request);
          return intent(outcome.intent, p.expand, outcome.holdResponseMs);
        },
        GET: ({ params }) => {
          const p = parseParams(listPaymentIntentsParams, params);
          return ok(expandList(paymentIntents.list(p), p.expand, intentExpanders));
        },
      },
    ],
    [
      // Before /:id, which would otherwise take "search" for an id.
      /^\/v1\/payment_intents\/search$/,
      {
        GET: ({ params }) => {
          const p = parseParams(searchParams, params);
          return ok(expandList(paymentIntents.search(p), p.expand, intentExpanders));
        },
      },
    ],
    [
      /^\/v1\/payment_intents\/([^/]+)$/,
      {
        GET: ({ params, path }) => intent(paymentIntents.retrieve(id(path)), parseParams(retrieveParams, params).expand),
        POST: ({ params, path }) => {
          const p = parseParams(updatePaymentIntentParams, params);
          return intent(paymentIntents.update(id(path), p), p.expand);
        },
      },
    ],
    [
      /^\/v1\/payment_intents\/([^/]+)\/confirm$/,
      {
        POST: ({ params, path, request }) => {
          const p = parseParams(confirmPaymentIntentParams, params);
          const outcome = paymentIntents.confirm(id(path), p, request);
          return intent(outcome.intent, p.expand, outcome.holdResponseMs);
        },
      },
    ],
    [
      /^\/v1\/payment_intents\/([^/]+)\/cancel$/,
      {
        POST: ({ params, path, request }) => {
          const p = parseParams(cancelPaymentIntentParams, params);
          return intent(paymentIntents.cancel(id(path), p, request), p.expand);
        },
      },
    ],
    [
      /^\/v1\/refunds$/,
      {
        POST: ({ params, request }) => {
          const p = parseParams(createRefundParams, params);
          return ok(expandObject(refunds.create(p, request), p.expand, refundExpanders));
        },
        GET: ({ params }) => {
          const p = parseParams(listRefundsParams, params);
          return ok(expandList(refunds.list(p), p.expand, refundExpanders));
        },
      },
    ],
    [
      /^\/v1\/refunds\/([^/]+)$/,
      {
        GET: ({ params, path }) =>
          ok(expandObject(refunds.retrieve(id(path)), parseParams(retrieveParams, params).expand, refundExpanders)),
      },
    ],
    [
      /^\/v1\/charges$/,
      {
        GET: ({ params }) => {
          const p = parseParams(listChargesParams, params);
          return ok(expandList(charges.list(p), p.expand, noExpanders));
        },
      },
    ],
    [
      /^\/v1\/charges\/([^/]+)$/,
      { GET: ({ params, path }) => ok(expandObject(charges.retrieve(id(path)), parseParams(retrieveParams, params).expand, noExpanders)) },
    ],
    [
      /^\/v1\/events$/,
      {
        GET: ({ params }) => {
          const p = parseParams(listEventsParams, params);
          const types = [...(p.types ?? []), ...(p.type ? [p.type] : [])];
          const events = store.events
            .newestFirst()
            .filter((event) => types.length === 0 || types.some((type) => typeMatches(type, event.type)));
          return ok(expandList(listPage('/v1/events', 'event', events, p), p.expand, noExpanders));
        },
      },
    ],
    [
      /^\/v1\/events\/([^/]+)$/,
      {
        GET: ({ params, path }) => {
          const event = store.events.get(id(path));
          if (!event) throw resourceMissing('event', id(path), 'id');
          return ok(expandObject(event, parseParams(retrieveParams, params).expand, noExpanders));
        },
      },
    ],
  ];
}

/** Stripe's event type filter accepts a trailing wildcard: `payment_intent.*`. */
function typeMatches(filter: string, type: string): boolean {
  return filter.endsWith('*') ? type.startsWith(filter.slice(0, -1)) : type === filter;
}
