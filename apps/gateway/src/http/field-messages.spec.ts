import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readableMessage } from './field-messages.js';

const messagesOf = (schema: z.ZodType, input: unknown) => {
  const result = schema.safeParse(input);
  if (result.success) throw new Error('expected a validation failure');
  return result.error.issues.map(readableMessage);
};

describe('readableMessage', () => {
  it('says what a person must change', () => {
    const schema = z.strictObject({
      email: z.email(),
      password: z.string().min(8).max(128),
      displayName: z.string(),
      role: z.enum(['owner', 'viewer']),
      limit: z.number().max(100),
    });
    expect(messagesOf(schema, { email: 'nope', password: 'x', role: 'king', limit: 500 })).toEqual([
      'must be a valid email address',
      'must be at least 8 characters',
      'is required',
      'must be one of: owner, viewer',
      'must be at most 100',
    ]);
    expect(messagesOf(z.string(), 5)).toEqual(['must be a string']);
  });

  it('keeps a message the schema set itself', () => {
    expect(messagesOf(z.string().regex(/^[A-Z]+$/, 'capital letters only'), 'abc')).toEqual(['capital letters only']);
  });
});
