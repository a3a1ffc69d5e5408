import { describe, expect, it } from 'vitest';
import { FormEncodingError, formList, parseForm } from './form-encoding.js';

const plain = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;

describe('parseForm', () => {
  it('nests bracketed keys the way stripe-node encodes them', () => {
    const form = parseForm('amount=2000&currency=usd&metadata[payment_id]=p-1&metadata[0]=zero&automatic_payment_methods[enabled]=true');
    expect(plain(form)).toEqual({
      amount: '2000',
      currency: 'usd',
      metadata: { payment_id: 'p-1', 0: 'zero' },
      automatic_payment_methods: { enabled: 'true' },
    });
  });

  it('reads lists written as expand[]=… or expand[0]=…, and brackets percent-encoded or not', () => {
    expect(formList(parseForm('expand[]=a&expand[]=b').expand)).toEqual(['a', 'b']);
    expect(formList(parseForm('expand%5B1%5D=b&expand%5B0%5D=a').expand)).toEqual(['a', 'b']);
    // Not a list: metadata keys stay keys.
    expect(formList({ order: 'x' })).toEqual({ order: 'x' });
  });

  it('decodes values and keeps empty ones (they mean "unset" to Stripe)', () => {
    expect(plain(parseForm('description=Caf%C3%A9+%26+more&metadata[gone]='))).toEqual({
      description: 'Café & more',
      metadata: { gone: '' },
    });
  });

  it('keeps dangerous names as plain data', () => {
    const form = parseForm('__proto__[polluted]=yes&constructor=x');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(form)).toBeNull();
    expect(Object.keys(form)).toEqual(['__proto__', 'constructor']);
    expect(form.constructor).toBe('x');
  });

  it('rejects a key used both as a value and as a hash', () => {
    expect(() => parseForm('metadata=x&metadata[a]=b')).toThrow(FormEncodingError);
    expect(() => parseForm('metadata[a]=b&metadata=x')).toThrow(FormEncodingError);
  });
});
