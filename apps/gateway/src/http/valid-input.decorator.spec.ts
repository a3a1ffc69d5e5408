import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { registerBody } from '../auth/auth.dto.js';
import { createProjectBody } from '../projects/projects.dto.js';
import { pageQuery } from './common.dto.js';
import { fieldProblemsOf, nulCharacterProblemsOf } from './valid-input.decorator.js';

function problems(schema: z.ZodType, value: unknown, root = 'body') {
  const result = schema.safeParse(value);
  if (result.success) throw new Error('expected a validation failure');
  return fieldProblemsOf(result.error, root);
}

describe('input validation', () => {
  const valid = { email: 'ada@example.com', password: 'correct horse', displayName: 'Ada' };

  it('lists every unknown field by name', () => {
    expect(problems(registerBody, { ...valid, admin: true, extra: 1 })).toEqual([
      { path: 'admin', message: 'Unknown field' },
      { path: 'extra', message: 'Unknown field' },
    ]);
  });

  it('names the field of a bad email', () => {
    const found = problems(registerBody, { ...valid, email: 'nope' });
    expect(found).toHaveLength(1);
    expect(found[0]?.path).toBe('email');
  });

  it('rejects emails over 254 characters and passwords outside 8–128', () => {
    const long = `${'a'.repeat(250)}@example.com`;
    expect(problems(registerBody, { ...valid, email: long }).map((p) => p.path)).toEqual(['email']);
    expect(problems(registerBody, { ...valid, password: '1234567' }).map((p) => p.path)).toEqual(['password']);
    expect(problems(registerBody, { ...valid, password: 'x'.repeat(129) }).map((p) => p.path)).toEqual(['password']);
  });

  it('reports missing fields and a non-object body at their paths', () => {
    expect(problems(registerBody, {}).map((p) => p.path)).toEqual(['email', 'password', 'displayName']);
    expect(problems(registerBody, undefined).map((p) => p.path)).toEqual(['body']);
  });

  it('joins nested paths with dots', () => {
    const nested = z.strictObject({ address: z.strictObject({ city: z.string().min(1) }) });
    expect(
      problems(nested, { address: { city: '', zip: 1 } })
        .map((p) => p.path)
        .sort(),
    ).toEqual(['address.city', 'address.zip']);
  });

  it('trims display names and checks project keys', () => {
    expect(registerBody.parse({ ...valid, displayName: '  Ada  ' }).displayName).toBe('Ada');
    expect(problems(registerBody, { ...valid, displayName: '   ' }).map((p) => p.path)).toEqual(['displayName']);
    expect(createProjectBody.safeParse({ name: 'Web', key: 'WEB' }).success).toBe(true);
    for (const key of ['web', 'W', '1AB', 'ABCDEFGHIJK', 'WE-B']) {
      expect(problems(createProjectBody, { name: 'Web', key }).map((p) => p.path)).toEqual(['key']);
    }
  });

  it('names every value holding a NUL character, which PostgreSQL text cannot store', () => {
    expect(nulCharacterProblemsOf({ title: 'a\u0000b', labels: ['ok', '\u0000'], nested: { note: '\u0000' }, n: 1 }, 'body')).toEqual([
      { path: 'title', message: 'must not contain NUL (U+0000)' },
      { path: 'labels.1', message: 'must not contain NUL (U+0000)' },
      { path: 'nested.note', message: 'must not contain NUL (U+0000)' },
    ]);
    expect(nulCharacterProblemsOf('\u0000', 'body')).toEqual([{ path: 'body', message: 'must not contain NUL (U+0000)' }]);
    expect(nulCharacterProblemsOf({ title: 'fine', labels: [] }, 'body')).toEqual([]);
  });

  it('coerces and bounds list queries', () => {
    expect(pageQuery.parse({})).toEqual({ limit: 20 });
    expect(pageQuery.parse({ limit: '100', cursor: 'abc' })).toEqual({ limit: 100, cursor: 'abc' });
    expect(problems(pageQuery, { limit: '101' }, 'query').map((p) => p.path)).toEqual(['limit']);
    expect(problems(pageQuery, { limit: '0' }, 'query').map((p) => p.path)).toEqual(['limit']);
    expect(problems(pageQuery, { page: '2' }, 'query')).toEqual([{ path: 'page', message: 'Unknown field' }]);
  });
});
