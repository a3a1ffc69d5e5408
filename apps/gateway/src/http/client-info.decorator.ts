import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { authV1 } from '@msp/contracts';
import type { FastifyRequest } from 'fastify';

/**
 * Where a sign-in comes from, recorded on the session. `request.ip` honours X-Forwarded-For
 * because the gateway runs behind a proxy (trustProxy).
 */
export const RequestClient = createParamDecorator((_: unknown, context: ExecutionContext): authV1.ClientInfo => {
  const request = context.switchToHttp().getRequest<FastifyRequest>();
  return { userAgent: (request.headers['user-agent'] ?? '').slice(0, 512), ip: request.ip };
});
