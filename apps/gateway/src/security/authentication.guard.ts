import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { RevocationList } from '@msp/platform';
import type { FastifyRequest } from 'fastify';
import { endpointOf } from '../http/endpoint.decorator.js';
import { ProblemException } from '../http/problem.js';
import { AccessTokenVerifier, invalidToken } from './access-token-verifier.js';
import { bearerTokenOf } from './bearer-token.js';

/**
 * Global guard: the endpoint declaration says who may call. A route without a declaration needs a
 * user (fail closed). Identity comes only from the verified token; identity headers sent by
 * clients (`x-caller`) are never read.
 */
@Injectable()
export class AuthenticationGuard implements CanActivate {
  constructor(
    private readonly verifier: AccessTokenVerifier,
    private readonly revocations: RevocationList,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const auth = endpointOf(context.getHandler())?.auth ?? 'user';
    if (auth === 'public') return true;

    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const token = bearerTokenOf(request.headers.authorization);
    if (!token) throw invalidToken('A bearer access token is required.');
    const caller = await this.verifier.verify(token);
    // Before the role check: a revoked admin token is no longer anybody's, so 401 rather than 403.
    if (await this.isRevoked(caller.sessionId)) {
      throw new ProblemException(401, 'SESSION_REVOKED', 'This session has ended. Sign in again.', { 'www-authenticate': 'Bearer' });
    }
    if (auth === 'admin' && !caller.roles.includes('admin')) {
      throw new ProblemException(403, 'FORBIDDEN', 'This endpoint requires the admin role.');
    }
    request.caller = caller;
    return true;
  }

  /**
   * A valid signature proves a session was open when the token was issued, not that it still is:
   * logout, suspension and password resets end sessions long before their ~10 min tokens expire.
   * When the list cannot be read, nobody passes (fail closed): a revoked session must never get in.
   */
  private async isRevoked(sessionId: string): Promise<boolean> {
    try {
      return await this.revocations.isSessionRevoked(sessionId);
    } catch (error) {
      const problem = new ProblemException(503, 'AUTH_UNAVAILABLE', 'Sessions cannot be checked right now. Try again later.', {
        'retry-after': '5',
      });
      // The problem filter logs 5xx with their error; the cache's own failure is what operators need.
      problem.cause = error;
      throw problem;
    }
  }
}
