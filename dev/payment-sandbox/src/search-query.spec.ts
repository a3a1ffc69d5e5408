import { describe, expect, it } from 'vitest';
import { parsePaymentIntentQuery } from './search-query.js';
import type { PaymentIntentObject } from './stripe-objects.js';

const intent = (fields: Partial<PaymentIntentObject>) =>
  ({ amount: 1000, currency: 'usd', status: 'succeeded', customer: null, metadata: {}, ...fields }) as PaymentIntentObject;

describe('parsePaymentIntentQuery', () => {
  it('matches metadata by exact value, with either quote style', () => {
    const matches = parsePaymentIntentQuery("metadata['payment_id']:'pay-1'");
    expect(matches(intent({ metadata: { payment_id: 'pay-1' } }))).toBe(true);
    expect(matches(intent({ metadata: { payment_id: 'pay-10' } }))).toBe(false);
    expect(matches(intent({}))).toBe(false);
    expect(parsePaymentIntentQuery('metadata["payment_id"]:"pay-1"')(intent({ metadata: { payment_id: 'pay-1' } }))).toBe(true);
  });

  it('joins clauses with AND and compares status, currency and amount', () => {
    const matches = parsePaymentIntentQuery("metadata['order']:'7' AND status:'succeeded' AND currency:'usd' AND amount:1000");
    expect(matches(intent({ metadata: { order: '7' } }))).toBe(true);
    expect(matches(intent({ metadata: { order: '7' }, status: 'canceled' }))).toBe(false);
    expect(matches(intent({ metadata: { order: '7' }, amount: 999 }))).toBe(false);
  });

  it('rejects what it does not implement instead of matching wrongly', () => {
    for (const query of [
      "status:'succeeded' OR status:'canceled'",
      "-status:'canceled'",
      'amount>100',
      "description:'x'",
      '',
      "status:'succeeded' AND",
    ]) {
      expect(() => parsePaymentIntentQuery(query), query).toThrow(/query|supported/);
    }
  });
});
