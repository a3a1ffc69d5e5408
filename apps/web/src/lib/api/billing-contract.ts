// FALLBACK until the OpenAPI document has them: the billing endpoints of API.md ("Billing"), declared by
// hand in the generated client's shape so the calls still go through the typed client. The gateway's
// billing routes are being added; once `paths` has them, delete this file and type billing.ts from
// `paths` like the other modules.

/** Money as API.md defines it: integer minor units and an ISO currency. */
export interface Money {
  amount: number;
  currency: string;
}

export interface Plan {
  id: string;
  name: string;
  price: Money;
  interval: string;
  /** null: no limit. */
  limits: { members?: number | null; tasks?: number | null };
}

/**
 * A payment as API.md lists it (`{id, amount, status, createdAt, planId}`). `amount` may come as Money or
 * as minor units next to `currency`; the optional fields are what the billing service records besides.
 */
export interface Payment {
  id: string;
  amount: Money | number;
  currency?: string;
  status: string;
  createdAt: string;
  planId: string;
  projectId?: string;
  receiptNumber?: string | null;
  refundedAmount?: Money | number | null;
  failureReason?: string | null;
  updatedAt?: string;
}

export interface PaymentPage {
  items: Payment[];
  nextCursor?: string | null;
}

export interface Checkout {
  paymentId: string;
  status: string;
  clientSecret: string;
}

type Problem = { content: { 'application/problem+json': unknown } };
type Json<T> = { headers: Record<string, unknown>; content: { 'application/json': T } };
type Params<Path = never, Query = never, Header = never> = {
  query?: Query;
  header?: Header;
  path: Path;
  cookie?: never;
};
type IdempotencyHeader = { 'Idempotency-Key'?: string };
interface Write<P, B, R> {
  parameters: P;
  requestBody: { content: { 'application/json': B } };
  responses: R & { default: Problem };
}
interface Read<P, R> {
  parameters: P;
  requestBody?: never;
  responses: R & { default: Problem };
}
type NoMethods = { get?: never; put?: never; post?: never; delete?: never; options?: never; head?: never; patch?: never; trace?: never };
type PathItem<Methods> = Omit<NoMethods, keyof Methods> &
  Methods & { parameters: { query?: never; header?: never; path?: never; cookie?: never } };

export type BillingPaths = {
  '/api/v1/plans': PathItem<{
    get: Read<{ query?: never; header?: never; path?: never; cookie?: never }, { 200: Json<{ items: Plan[] }> }>;
  }>;
  '/api/v1/projects/{projectId}/checkout': PathItem<{
    post: Write<Params<{ projectId: string }, never, IdempotencyHeader>, { planId: string }, { 201: Json<Checkout> }>;
  }>;
  '/api/v1/payments/{paymentId}/confirm': PathItem<{
    post: Write<Params<{ paymentId: string }>, { paymentMethod: string }, { 200: Json<Payment> }>;
  }>;
  '/api/v1/projects/{projectId}/payments': PathItem<{
    get: Read<Params<{ projectId: string }, { limit?: number; cursor?: string }>, { 200: Json<PaymentPage> }>;
  }>;
  '/api/v1/admin/payments': PathItem<{
    get: Read<
      { query?: { status?: string; projectId?: string; limit?: number; cursor?: string }; header?: never; path?: never; cookie?: never },
      { 200: Json<PaymentPage> }
    >;
  }>;
  '/api/v1/admin/payments/{paymentId}/refund': PathItem<{
    post: Write<Params<{ paymentId: string }, never, IdempotencyHeader>, { amount?: number }, { 200: Json<unknown>; 201: Json<unknown> }>;
  }>;
};
