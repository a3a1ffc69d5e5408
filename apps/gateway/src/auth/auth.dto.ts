import type { authV1 } from '@msp/contracts';
import { z } from 'zod';

export const email = z.email().max(254);
export const opaqueToken = z.string().min(1).max(1024);
/** NIST 800-63B: at least 8, and long passphrases allowed; the service checks the breached list. */
export const newPassword = z.string().min(8).max(128);
/** A TOTP or a recovery code; its exact format is the auth service's to check. */
export const mfaCode = z.string().trim().min(1).max(64);

export const registerBody = z.strictObject({
  email,
  password: newPassword,
  displayName: z.string().trim().min(1).max(100),
});
export const registeredResponse = z.object({ userId: z.uuid() });

export const verifyEmailBody = z.strictObject({ token: opaqueToken });

// Only the bounds here: password rules are checked at registration, and a login must not tell
// "too short" apart from "wrong".
export const loginBody = z.strictObject({ email, password: z.string().min(1).max(128) });
export const verifyMfaBody = z.strictObject({ mfaToken: opaqueToken, code: mfaCode });

export const refreshBody = z.strictObject({ refreshToken: opaqueToken });
export const logoutBody = z.strictObject({ refreshToken: opaqueToken });

export const tokensResponse = z.object({
  accessToken: z.string(),
  refreshToken: z.string(),
  tokenType: z.literal('Bearer'),
  expiresIn: z.number().int().describe('Seconds until the access token expires'),
});

export const mfaChallengeResponse = z.object({
  mfaRequired: z.literal(true),
  mfaToken: z.string().describe('Pass to POST /api/v1/auth/mfa/verify with a TOTP or recovery code'),
});

/** A login is complete (tokens) or waits for a second factor (challenge). */
export const loginResponse = z.union([tokensResponse, mfaChallengeResponse]);

export const jwksResponse = z.object({ keys: z.array(z.record(z.string(), z.unknown())) });

export type RegisterBody = z.output<typeof registerBody>;
export type VerifyEmailBody = z.output<typeof verifyEmailBody>;
export type LoginBody = z.output<typeof loginBody>;
export type VerifyMfaBody = z.output<typeof verifyMfaBody>;
export type RefreshBody = z.output<typeof refreshBody>;
export type LogoutBody = z.output<typeof logoutBody>;
export type RegisteredResponse = z.output<typeof registeredResponse>;
export type TokensResponse = z.output<typeof tokensResponse>;
export type LoginResponse = z.output<typeof loginResponse>;
export type JwksResponse = z.output<typeof jwksResponse>;

export function toRegistered(response: authV1.RegisterResponse): RegisteredResponse {
  return { userId: response.userId };
}

export function toLogin(response: authV1.LoginResponse): LoginResponse {
  // The service sets the MFA token *instead of* tokens; proto3 says "not set" with an empty string.
  if (response.mfaToken) return { mfaRequired: true, mfaToken: response.mfaToken };
  return toTokens(response);
}

export function toTokens(response: authV1.LoginResponse | authV1.RefreshResponse | authV1.VerifyMfaResponse): TokensResponse {
  const tokens = response.tokens;
  if (!tokens) throw new Error('auth service answered without tokens');
  return {
    accessToken: tokens.accessToken,
    refreshToken: tokens.refreshToken,
    tokenType: 'Bearer',
    expiresIn: tokens.expiresIn,
  };
}

/** The auth service hands out the JWKS as JSON text, meant to be served unchanged. */
export function toJwks(response: authV1.GetJwksResponse): JwksResponse {
  return JSON.parse(response.jwksJson) as JwksResponse;
}
