/** The auth rules' tunables, derived once from the service config. */
export const AUTH_SETTINGS = Symbol('AuthSettings');

export interface AuthSettings {
  issuer: string;
  audience: string;
  accessTokenTtlSeconds: number;
  refreshTokenTtlMs: number;
  emailVerificationTtlMs: number;
  passwordResetTtlMs: number;
  refreshReuseGraceMs: number;
  signingKeyRotationMs: number;
}
