import { invalidRequest } from './stripe-error.js';
import type { PaymentIntentObject } from './stripe-objects.js';

/**
 * The subset of Stripe's search query language the reconciler needs: exact-match clauses joined by
 * `AND`, on `metadata['key']`, `status`, `currency`, `customer` and `amount`, e.g.
 * `metadata['payment_id']:'0190…' AND status:'succeeded'`. Anything else (OR, negation, ranges,
 * wildcards) is rejected rather than silently matching the wrong objects.
 *
 * Unlike Stripe, whose search index lags writes by up to a minute, results here are immediate.
 */
export type PaymentIntentPredicate = (intent: PaymentIntentObject) => boolean;

// field : value, where field is a name or metadata['key'], value is 'quoted', "quoted" or an integer.
const CLAUSE = /\s*(?:metadata\[(['"])(.*?)\1\]|([a-z_]+))\s*:\s*(?:(['"])(.*?)\4|(-?\d+))\s*/y;
const AND = /AND(?=\s)/y;

const STRING_FIELDS = ['status', 'currency', 'customer'] as const;

export function parsePaymentIntentQuery(query: string): PaymentIntentPredicate {
  const clauses: PaymentIntentPredicate[] = [];
  let position = 0;
  for (;;) {
    CLAUSE.lastIndex = position;
    const match = CLAUSE.exec(query);
    if (!match) throw unsupported(query, position);
    clauses.push(clause(match));
    position = CLAUSE.lastIndex;
    if (position === query.length) break;
    AND.lastIndex = position;
    if (!AND.exec(query)) throw unsupported(query, position);
    position = AND.lastIndex;
  }
  return (intent) => clauses.every((matches) => matches(intent));
}

function clause(match: RegExpExecArray): PaymentIntentPredicate {
  const [, , metadataKey, field, , quoted, number] = match;
  const value = quoted ?? number ?? '';
  if (metadataKey !== undefined) return (intent) => intent.metadata[metadataKey] === value;
  if (field === 'amount') {
    if (number === undefined) throw invalidRequest('amount is a numeric field: compare it with an unquoted integer.', { param: 'query' });
    return (intent) => intent.amount === Number(number);
  }
  const stringField = STRING_FIELDS.find((name) => name === field);
  if (!stringField) {
    throw invalidRequest(
      `Field '${field}' is not supported by the payment sandbox's search (use metadata, status, currency, customer, amount).`,
      {
        param: 'query',
      },
    );
  }
  return (intent) => intent[stringField] === value;
}

function unsupported(query: string, position: number) {
  return invalidRequest(
    `Could not parse the search query at position ${position}: '${query.slice(position)}'. The payment sandbox supports ` +
      `only exact-match clauses joined by AND, e.g. metadata['payment_id']:'abc' AND status:'succeeded'.`,
    { param: 'query' },
  );
}
