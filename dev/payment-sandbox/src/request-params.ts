import { z } from 'zod';
import { formList, type FormObject } from './form-encoding.js';
import { invalidRequest, type StripeApiError } from './stripe-error.js';

// Every form value arrives as a string; these turn the strings into what each parameter means and
// carry Stripe's error code (`params.stripeCode`) so a rejected request reads like Stripe's.

const integer = (min: number, max: number) =>
  z.string().transform((raw, ctx) => {
    const value = Number(raw);
    if (!/^-?\d+$/.test(raw) || !Number.isSafeInteger(value)) {
      ctx.issues.push({
        code: 'custom',
        input: raw,
        message: `Invalid integer: ${raw}`,
        params: { stripeCode: 'parameter_invalid_integer' },
      });
      return z.NEVER;
    }
    if (value < min || value > max) {
      ctx.issues.push({ code: 'custom', input: raw, message: `This value must be between ${min} and ${max}.` });
      return z.NEVER;
    }
    return value;
  });

const boolean = z.enum(['true', 'false'], { error: 'Invalid boolean: must be true or false' }).transform((raw) => raw === 'true');
const text = z.string({ error: 'Invalid string: expected a single value' });
const id = text.min(1, { error: 'Invalid string: must not be empty' });
const list = <T extends z.ZodType>(item: T) => z.preprocess(formList, z.array(item, { error: 'Invalid array' }));

// Stripe caps amounts at eight digits of minor units.
const amount = integer(1, 99_999_999);
const currency = text
  .regex(/^[A-Za-z]{3}$/, { error: 'Invalid currency: expected a three-letter ISO code' })
  .transform((c) => c.toLowerCase());
// An empty string unsets: `metadata=` clears every key, `metadata[k]=` removes one (Stripe's rule).
const metadata = z.union([z.literal(''), z.record(z.string().max(40), z.string().max(500))], { error: 'Invalid hash' });
const expand = list(text).optional();
const limit = integer(1, 100).optional();
const pageCursors = { limit, starting_after: id.optional(), ending_before: id.optional(), expand };

export const retrieveParams = z.strictObject({ expand, client_secret: text.optional() });

export const createPaymentIntentParams = z.strictObject({
  amount,
  currency,
  metadata: metadata.optional(),
  description: text.optional(),
  payment_method: id.optional(),
  confirm: boolean.optional(),
  automatic_payment_methods: z.strictObject({ enabled: boolean, allow_redirects: z.enum(['always', 'never']).optional() }).optional(),
  payment_method_types: list(z.literal('card', { error: 'The payment sandbox supports only card' })).optional(),
  capture_method: z.literal('automatic', { error: 'The payment sandbox supports only capture_method=automatic' }).optional(),
  customer: id.optional(),
  receipt_email: text.optional(),
  statement_descriptor: text.max(22).optional(),
  statement_descriptor_suffix: text.max(22).optional(),
  return_url: text.optional(),
  off_session: boolean.optional(),
  expand,
});

export const updatePaymentIntentParams = z.strictObject({
  amount: amount.optional(),
  currency: currency.optional(),
  metadata: metadata.optional(),
  description: text.optional(),
  payment_method: id.optional(),
  receipt_email: text.optional(),
  expand,
});

export const confirmPaymentIntentParams = z.strictObject({
  payment_method: id.optional(),
  return_url: text.optional(),
  off_session: boolean.optional(),
  receipt_email: text.optional(),
  expand,
});

export const cancelPaymentIntentParams = z.strictObject({
  cancellation_reason: z.enum(['duplicate', 'fraudulent', 'requested_by_customer', 'abandoned']).optional(),
  expand,
});

export const listPaymentIntentsParams = z.strictObject({ ...pageCursors, customer: id.optional() });

export const searchParams = z.strictObject({ query: text, limit, page: text.optional(), expand });

export const createRefundParams = z.strictObject({
  payment_intent: id.optional(),
  charge: id.optional(),
  amount: amount.optional(),
  metadata: metadata.optional(),
  reason: z.enum(['duplicate', 'fraudulent', 'requested_by_customer']).optional(),
  expand,
});

export const listRefundsParams = z.strictObject({ ...pageCursors, payment_intent: id.optional(), charge: id.optional() });
export const listChargesParams = z.strictObject({ ...pageCursors, payment_intent: id.optional() });
export const listEventsParams = z.strictObject({ ...pageCursors, type: text.optional(), types: list(text).optional() });

/** Validates form parameters, answering the first problem the way Stripe words it. */
export function parseParams<S extends z.ZodType>(schema: S, params: FormObject): z.output<S> {
  const result = schema.safeParse(params);
  if (result.success) return result.data;
  throw toStripeError(result.error.issues[0], params);
}

function toStripeError(issue: z.core.$ZodIssue | undefined, params: FormObject): StripeApiError {
  if (!issue) return invalidRequest('Invalid request');
  const path = issue.path.map(String);
  if (issue.code === 'unrecognized_keys') {
    const param = bracketed([...path, issue.keys[0] ?? '']);
    return invalidRequest(`Received unknown parameter: ${param}`, { code: 'parameter_unknown', param });
  }
  const param = bracketed(path);
  if (issue.code === 'invalid_type' && valueAt(params, path) === undefined) {
    return invalidRequest(`Missing required param: ${param}.`, { code: 'parameter_missing', param });
  }
  const stripeCode = issue.code === 'custom' ? (issue.params?.stripeCode as string | undefined) : undefined;
  return invalidRequest(`${issue.message} (${param})`, { param, ...(stripeCode && { code: stripeCode }) });
}

function valueAt(params: FormObject, path: string[]): unknown {
  let node: unknown = params;
  for (const segment of path) node = typeof node === 'object' && node !== null ? (node as FormObject)[segment] : undefined;
  return node;
}

/** `['metadata', 'order']` → `metadata[order]`, the way Stripe names nested parameters in errors. */
function bracketed(path: string[]): string {
  const [head = '', ...rest] = path;
  return head + rest.map((segment) => `[${segment}]`).join('');
}
