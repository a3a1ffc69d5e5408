import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Caller } from '@msp/platform';
import type { FastifyRequest } from 'fastify';
import { ProblemException } from '../http/problem.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set only by the authentication guard from a verified token; never from request headers. */
    caller?: Caller;
  }
}

/** The verified caller of a `user`/`admin` endpoint. */
export const CurrentCaller = createParamDecorator((_: unknown, context: ExecutionContext): Caller => {
  const caller = context.switchToHttp().getRequest<FastifyRequest>().caller;
  // Unreachable behind the guard; if a route were declared public by mistake, refuse rather than guess.
  if (!caller) throw new ProblemException(401, 'UNAUTHENTICATED', 'A valid bearer access token is required.');
  return caller;
});
