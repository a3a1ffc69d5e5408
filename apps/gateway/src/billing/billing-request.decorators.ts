import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { ValidationError } from '../http/problem.js';

/**
 * The request's `Idempotency-Key`, or '' without one. The service keeps it with what it creates, so
 * the guarantee outlives the gateway's record of keys; the idempotency interceptor has already
 * checked its form.
 */
export const IdempotencyKey = createParamDecorator((_: unknown, context: ExecutionContext) => {
  const value = context.switchToHttp().getRequest<FastifyRequest>().headers['idempotency-key'];
  return typeof value === 'string' ? value : '';
});

/** The body's bytes as sent, on a route declared `rawBody` (see http/raw-body-parser.ts). */
export const RawBody = createParamDecorator((_: unknown, context: ExecutionContext): Buffer => {
  const body: unknown = context.switchToHttp().getRequest<FastifyRequest>().body;
  if (!Buffer.isBuffer(body) || body.length === 0)
    throw new ValidationError([{ path: 'body', message: 'must be the JSON the payment gateway sent' }]);
  return body;
});
