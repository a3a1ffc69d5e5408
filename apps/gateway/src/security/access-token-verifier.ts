import type { Caller } from '@msp/platform';
import { errors, jwtVerify } from 'jose';
import { ProblemException } from '../http/problem.js';
import { KeysUnavailableError, type JwksKeyStore } from './jwks-key-store.js';
import { VerifiedTokenCache } from './verified-token-cache.js';

/**
 * Asymmetric algorithms only: with a fixed list, `alg: none` and HS256 tokens "signed" with a
 * public key are rejected before any key is looked up.
 */
const ALGORITHMS = ['EdDSA', 'ES256'];

export interface TokenExpectations {
  issuer: string;
  audience: string;
}

/** Verifies access tokens locally and turns their claims into the caller that services receive. */
export class AccessTokenVerifier {
  constructor(
    private readonly keys: JwksKeyStore,
    private readonly expected: TokenExpectations,
    private readonly verified: VerifiedTokenCache = new VerifiedTokenCache(),
  ) {}

  /** The caller of a valid token; 401 for any bad token, 503 only when no keys can be had. */
  async verify(token: string): Promise<Caller> {
    return this.verified.get(token) ?? this.verifyFully(token);
  }

  /**
   * The caller of a token that passed full verification before and has not expired; undefined for
   * any other, without checking it (a fast path must not spend a signature check on a token that
   * no rate limit has counted yet).
   */
  alreadyVerified(token: string): Caller | undefined {
    return this.verified.get(token);
  }

  private async verifyFully(token: string): Promise<Caller> {
    try {
      const { payload } = await jwtVerify(token, this.keys.getKey, {
        algorithms: ALGORITHMS,
        issuer: this.expected.issuer,
        audience: this.expected.audience,
        requiredClaims: ['sub', 'exp', 'sid'],
      });
      if (typeof payload.sub !== 'string' || payload.sub === '') throw new errors.JWTInvalid('token has no subject');
      // Without its session a token could not be revoked, so it is not accepted at all.
      const sid = payload['sid'];
      if (typeof sid !== 'string' || sid === '') throw new errors.JWTInvalid('token has no session');
      const roles = Array.isArray(payload['roles']) ? payload['roles'].filter((r): r is string => typeof r === 'string') : [];
      const caller: Caller = Object.freeze({ userId: payload.sub, sessionId: sid, roles: Object.freeze(roles) as string[] });
      // `exp` is a required claim that jwtVerify has just checked to be a number in the future.
      this.verified.set(token, caller, payload.exp!);
      return caller;
    } catch (error) {
      if (error instanceof KeysUnavailableError) {
        throw new ProblemException(503, 'AUTH_UNAVAILABLE', 'Access tokens cannot be verified right now. Try again later.', {
          'retry-after': '5',
        });
      }
      if (error instanceof errors.JOSEError) throw invalidToken();
      throw error;
    }
  }
}

export function invalidToken(detail = 'The access token is missing, invalid or expired.'): ProblemException {
  return new ProblemException(401, 'UNAUTHENTICATED', detail, { 'www-authenticate': 'Bearer' });
}
