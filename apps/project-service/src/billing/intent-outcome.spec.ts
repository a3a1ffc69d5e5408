import { describe, expect, it } from 'vitest';
import { outcomeOf } from './intent-outcome.js';
import type { GatewayIntent } from './payment-gateway.port.js';

const payment = { id: 'a1b2', amount: 1900, currency: 'eur' };
const intent = (changes: Partial<GatewayIntent>): GatewayIntent => ({
  id: 'pi_1',
  status: 'requires_payment_method',
  amount: 1900,
  currency: 'eur',
  clientSecret: 's',
  metadata: { payment_id: 'a1b2' },
  lastError: undefined,
  ...changes,
});

describe('what an intent means for its payment', () => {
  it.each([
    ['succeeded', {}, { kind: 'settled', settlement: { status: 'succeeded' } }],
    ['processing', {}, { kind: 'settled', settlement: { status: 'processing' } }],
    [
      'canceled',
      { lastError: 'Your card was declined.' },
      { kind: 'settled', settlement: { status: 'failed', reason: 'Your card was declined.' } },
    ],
    ['requires_payment_method', { lastError: 'Your card was declined.' }, { kind: 'declined', reason: 'Your card was declined.' }],
    ['requires_payment_method', {}, { kind: 'open' }],
    ['requires_confirmation', {}, { kind: 'open' }],
  ] as const)('%s %j → %j', (status, changes, expected) => {
    expect(outcomeOf(intent({ status, ...changes }), payment)).toEqual(expected);
  });

  it('never settles on an intent for another amount, currency or payment', () => {
    expect(outcomeOf(intent({ status: 'succeeded', amount: 100 }), payment).kind).toBe('mismatch');
    expect(outcomeOf(intent({ status: 'succeeded', currency: 'usd' }), payment).kind).toBe('mismatch');
    expect(outcomeOf(intent({ status: 'succeeded', metadata: { payment_id: 'other' } }), payment).kind).toBe('mismatch');
  });
});
