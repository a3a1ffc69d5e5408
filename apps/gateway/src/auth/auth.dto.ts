import type { authV1 } from '@msp/contracts';
import { z } from 'zod';

const email = z.email().max(254);
const opaqueToken = z.string().min(1).max(1024);

export const registerBody = z.strictObject({
  email,
  password: z.string().min(8).max(128),
  displayName: z.string().trim().min(1).max(100),
});
export const registeredResponse = z.object({ userId: z.uuid() });

export const verifyEmailBody = z.strictObject({ token: opaqueToken });

// Only the bounds here: password rules are checked at registration, and a login must not tell
// "too short" apart from "wrong".
export const loginBody = z.strictObject({ email, password: z.string().min(1).max(128) });

export const refreshBody = z.strictObject({ refreshToken: opaqueToken });
export const logoutBody = z.strictObject({ refreshToken: opaqueToken });

export const tokensResponse = z.object({
  accessToken: z.string(),
  refreshToken: z.string(),
  tokenType: z.literal('Bearer'),
  expiresIn: z.number().int().describe('Seconds until the access token expires'),
});

export const jwksResponse = z.object({ keys: z.array(z.record(z.string(), z.unknown())) });

export type RegisterBody = z.output<typeof registerBody>;
export type VerifyEmailBody = z.output<typeof verifyEmailBody>;
export type LoginBody = z.output<typeof loginBody>;
export type RefreshBody = z.output<typeof refreshBody>;
export type LogoutBody = z.output<typeof logoutBody>;
export type RegisteredResponse = z.output<typeof registeredResponse>;
export type TokensResponse = z.output<typeof tokensResponse>;
export type JwksResponse = z.output<typeof jwksResponse>;

export function toRegistered(response: authV1.RegisterResponse): RegisteredResponse {
  return { userId: response.userId };
}

export function toTokens(response: authV1.LoginResponse | authV1.RefreshResponse): TokensResponse {
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
