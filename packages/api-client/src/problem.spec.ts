import { describe, expect, it } from 'vitest';
import { readProblem } from './problem.js';

describe('readProblem', () => {
  it('keeps the fields of a problem+json body and the well-formed field errors', () => {
    const body = {
      type: 'about:blank',
      title: 'Bad Request',
      status: 400,
      detail: 'The request is invalid.',
      code: 'VALIDATION_FAILED',
      correlationId: 'corr-1',
      errors: [{ path: 'email', message: 'Must be an email.' }, { path: 'password' }, 'nonsense'],
    };

    expect(readProblem(body)).toEqual({
      type: 'about:blank',
      title: 'Bad Request',
      status: 400,
      detail: 'The request is invalid.',
      code: 'VALIDATION_FAILED',
      correlationId: 'corr-1',
      errors: [{ path: 'email', message: 'Must be an email.' }],
    });
  });

  it('gives nothing for what a proxy may answer instead: text, null, arrays, mistyped fields', () => {
    expect(readProblem('<html>502 Bad Gateway</html>')).toEqual({});
    expect(readProblem(undefined)).toEqual({});
    expect(readProblem(null)).toEqual({});
    expect(readProblem([{ code: 'X' }])).toEqual({});
    expect(readProblem({ code: 42, status: '400', errors: [] })).toEqual({});
  });
});
