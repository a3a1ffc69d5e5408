import type { CardDetails } from './stripe-objects.js';

/**
 * What confirming with a card does:
 * - `succeed`  charged at once;
 * - `decline`  a failed charge and a 402 card_error;
 * - `delayed`  `processing` first, `succeeded` (and its webhook) after the configured delay — the
 *              asynchronous settlement the platform has to wait for;
 * - `timeout`  charged at once, but the HTTP response is held back past any client timeout, so the
 *              caller sees a timeout although the money moved: the case the reconciler exists for.
 */
export type CardBehaviour =
  { kind: 'succeed' } | { kind: 'decline'; declineCode: string; message: string } | { kind: 'delayed' } | { kind: 'timeout' };

export interface TestCard {
  behaviour: CardBehaviour;
  card: CardDetails;
}

const visa = (last4: string): CardDetails => ({ brand: 'visa', last4, exp_month: 12, exp_year: 2034, country: 'US', funding: 'credit' });

// The first four are Stripe's own test PaymentMethods; the last two exist only in the sandbox.
const TEST_CARDS: Record<string, TestCard> = {
  pm_card_visa: { behaviour: { kind: 'succeed' }, card: visa('4242') },
  pm_card_mastercard: { behaviour: { kind: 'succeed' }, card: { ...visa('4444'), brand: 'mastercard' } },
  pm_card_chargeDeclined: {
    behaviour: { kind: 'decline', declineCode: 'generic_decline', message: 'Your card was declined.' },
    card: visa('0002'),
  },
  pm_card_visa_chargeDeclinedInsufficientFunds: {
    behaviour: { kind: 'decline', declineCode: 'insufficient_funds', message: 'Your card has insufficient funds.' },
    card: visa('9995'),
  },
  pm_card_delayed: { behaviour: { kind: 'delayed' }, card: visa('0077') },
  pm_card_timeout: { behaviour: { kind: 'timeout' }, card: visa('0088') },
};

export const TEST_PAYMENT_METHODS = Object.keys(TEST_CARDS);

export function findTestCard(paymentMethod: string): TestCard | undefined {
  return Object.hasOwn(TEST_CARDS, paymentMethod) ? TEST_CARDS[paymentMethod] : undefined;
}
