import { HttpException, NotFoundException, PayloadTooLargeException } from '@nestjs/common';
import { RemoteCallError } from '@msp/platform';
import { describe, expect, it } from 'vitest';
import { ProblemException, problemTypeOf, ValidationError } from './problem.js';
import { mapError } from './problem-mapping.js';

const remote = (status: number, details: string, code?: string, fields: Array<{ path: string; message: string }> = []) =>
  new RemoteCallError(status, details, code, fields, '/msp.auth.v1.AuthService/Register');

describe('mapError', () => {
  it('maps a service error to its HTTP status with the code from the trailer', () => {
    expect(mapError(remote(6, 'This email is already registered.', 'EMAIL_TAKEN'))).toEqual({
      status: 409,
      code: 'EMAIL_TAKEN',
      detail: 'This email is already registered.',
      fault: false,
    });
    expect(mapError(remote(16, 'Wrong email or password.', 'INVALID_CREDENTIALS'))).toMatchObject({
      status: 401,
      code: 'INVALID_CREDENTIALS',
      headers: { 'www-authenticate': 'Bearer' },
    });
    expect(mapError(remote(9, 'Verify your email first.', 'EMAIL_NOT_VERIFIED'))).toMatchObject({ status: 422 });
  });

  it('falls back to a code named after the status when the service sent none', () => {
    expect(mapError(remote(5, 'no such project'))).toMatchObject({ status: 404, code: 'NOT_FOUND', detail: 'no such project' });
    expect(mapError(remote(7, 'denied'))).toMatchObject({ status: 403, code: 'FORBIDDEN' });
    expect(mapError(remote(10, 'conflict'))).toMatchObject({ status: 409, code: 'ABORTED' });
    expect(mapError(remote(8, 'slow down'))).toMatchObject({ status: 429, code: 'RESOURCE_EXHAUSTED' });
  });

  it("passes the service's field problems on as errors", () => {
    const fields = [{ path: 'key', message: 'Key already used' }];
    expect(mapError(remote(3, 'Invalid project.', 'VALIDATION_FAILED', fields))).toMatchObject({
      status: 400,
      code: 'VALIDATION_FAILED',
      errors: fields,
    });
    expect(mapError(remote(3, 'Invalid project.', 'VALIDATION_FAILED'))).not.toHaveProperty('errors');
  });

  it('answers a throttled call with 429, its code and the Retry-After the service asked for', () => {
    const throttled = new RemoteCallError(8, 'Too many attempts. Try again later.', 'TOO_MANY_ATTEMPTS', [], '/AuthService/Login', 12.2);
    expect(mapError(throttled)).toEqual({
      status: 429,
      code: 'TOO_MANY_ATTEMPTS',
      detail: 'Too many attempts. Try again later.',
      headers: { 'retry-after': '13' },
      fault: false,
    });
    expect(mapError(remote(8, 'slow down')).headers).toEqual({ 'retry-after': '60' });
  });

  it('hides the details of backend faults', () => {
    const internal = mapError(remote(13, 'relation "users" does not exist', 'DB_BROKEN'));
    expect(internal).toMatchObject({ status: 500, code: 'INTERNAL', fault: true });
    expect(internal.detail).not.toContain('users');
    expect(mapError(remote(2, 'TypeError: x is undefined'))).toMatchObject({ status: 500, code: 'INTERNAL' });
    const unavailable = mapError(remote(14, 'No connection established. Last error: connect ECONNREFUSED 127.0.0.1:50051'));
    expect(unavailable).toMatchObject({ status: 503, code: 'UNAVAILABLE', fault: true });
    expect(unavailable.detail).not.toContain('127.0.0.1');
    expect(mapError(remote(4, 'Deadline exceeded'))).toMatchObject({ status: 504, code: 'DEADLINE_EXCEEDED' });
  });

  it('maps validation errors to 400 VALIDATION_FAILED with the field list', () => {
    const errors = [{ path: 'email', message: 'Invalid email address' }];
    expect(mapError(new ValidationError(errors))).toEqual({
      status: 400,
      code: 'VALIDATION_FAILED',
      detail: 'The request has invalid fields.',
      errors,
      fault: false,
    });
  });

  it("keeps the gateway's own problems as they are", () => {
    const problem = new ProblemException(403, 'FORBIDDEN', 'Admins only.');
    expect(mapError(problem)).toEqual({ status: 403, code: 'FORBIDDEN', detail: 'Admins only.', headers: {}, fault: false });
  });

  it("maps Nest's and Fastify's client errors", () => {
    expect(mapError(new NotFoundException('Cannot GET /x'))).toMatchObject({ status: 404, code: 'NOT_FOUND' });
    expect(mapError(new PayloadTooLargeException())).toMatchObject({ status: 413, code: 'PAYLOAD_TOO_LARGE' });
    const syntax = Object.assign(new SyntaxError('Unexpected end of JSON input'), { statusCode: 400 });
    expect(mapError(syntax)).toMatchObject({ status: 400, code: 'MALFORMED_JSON' });
    const emptyBody = Object.assign(new Error('Body cannot be empty'), {
      name: 'FastifyError',
      code: 'FST_ERR_CTP_EMPTY_JSON_BODY',
      statusCode: 400,
    });
    expect(mapError(new HttpException('Body cannot be empty', 400, { cause: emptyBody }))).toMatchObject({ code: 'MALFORMED_JSON' });
    expect(mapError(new HttpException('teapot', 418))).toMatchObject({ status: 418, code: 'I_M_A_TEAPOT' });
  });

  it('turns anything else into a 500 INTERNAL fault with a generic detail', () => {
    const mapped = mapError(new Error('secret connection string postgres://u:p@h/db'));
    expect(mapped).toMatchObject({ status: 500, code: 'INTERNAL', fault: true });
    expect(mapped.detail).not.toContain('postgres');
    expect(mapError('a string')).toMatchObject({ status: 500 });
    expect(mapError(new HttpException('boom', 502))).toMatchObject({ status: 500, code: 'INTERNAL' });
  });

  it('names problem types after their code', () => {
    expect(problemTypeOf('EMAIL_TAKEN')).toBe('https://msp.dev/problems/email-taken');
  });
});
