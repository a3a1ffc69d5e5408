import type { Caller } from '@msp/platform';
import { errors, jwtVerify } from 'jose';
import { ProblemException } from '../http/problem.js';
import { KeysUnavailableError, type JwksKeyStore } from './jwks-key-store.js';

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
  ) {}

  /** The caller of a valid token; 401 for any bad token, 503 only when no keys can be had. */
  async verify(token: string): Promise<Caller> {
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
      return { userId: payload.sub, sessionId: sid, roles };
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
