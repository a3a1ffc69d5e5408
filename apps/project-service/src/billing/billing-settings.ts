/** The billing feature's settings, from the service's config (PAYMENT_*). */
export interface BillingSettings {
  reconcileIntervalMs: number;
  /** How long a pending or processing payment (or pending refund) goes unheard of before it is checked. */
  reconcileAfterMs: number;
  /** How long a checkout may wait for its confirmation before it is canceled. */
  checkoutExpiryMs: number;
}

export const BILLING_SETTINGS = Symbol('BillingSettings');
