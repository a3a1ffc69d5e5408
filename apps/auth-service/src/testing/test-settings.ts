import type { AuthSettings } from '../auth-settings.js';

/** The auth rules' tunables as the unit tests use them (production values come from config.ts). */
export const testSettings: AuthSettings = {
  issuer: 'test-issuer',
  audience: 'test-audience',
  accessTokenTtlSeconds: 600,
  refreshTokenTtlMs: 86_400_000,
  emailVerificationTtlMs: 3_600_000,
  passwordResetTtlMs: 3_600_000,
  refreshReuseGraceMs: 20_000,
  signingKeyRotationMs: 30 * 86_400_000,
};
