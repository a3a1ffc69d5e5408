import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { endpointOf } from '../http/endpoint.decorator.js';
import { ProblemException } from '../http/problem.js';
import { AccessTokenVerifier, invalidToken } from './access-token-verifier.js';

const BEARER = /^Bearer ([A-Za-z0-9._~+/=-]{1,8192})$/i;

/**
 * Global guard: the endpoint declaration says who may call. A route without a declaration needs a
 * user (fail closed). Identity comes only from the verified token; identity headers sent by
 * clients (`x-caller`) are never read.
 */
@Injectable()
export class AuthenticationGuard implements CanActivate {
  constructor(private readonly verifier: AccessTokenVerifier) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const auth = endpointOf(context.getHandler())?.auth ?? 'user';
    if (auth === 'public') return true;

    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const token = BEARER.exec(request.headers.authorization ?? '')?.[1];
    if (!token) throw invalidToken('A bearer access token is required.');
    const caller = await this.verifier.verify(token);
    if (auth === 'admin' && !caller.roles.includes('admin')) {
      throw new ProblemException(403, 'FORBIDDEN', 'This endpoint requires the admin role.');
    }
    request.caller = caller;
    return true;
  }
}
