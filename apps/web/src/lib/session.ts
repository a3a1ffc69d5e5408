import type { TokenPair } from './gateway';

// Browser sessions: the gateway's tokens live only in httpOnly cookies that page scripts cannot read.
// Pure functions over a cookie store, so the proxy (NextResponse cookies) and Server Actions
// (`cookies()` from next/headers) share one definition of names and attributes.

export const ACCESS_COOKIE = 'msp_access';
export const REFRESH_COOKIE = 'msp_refresh';
/** Holds the login's MFA challenge between the password step and the code step; scoped to /signin. */
export const MFA_COOKIE = 'msp_mfa';

const REFRESH_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;
const MFA_MAX_AGE_SECONDS = 5 * 60;
/** Refresh this long before the access token expires, so a request never reaches the gateway with a token that dies in flight. */
const EXPIRY_MARGIN_SECONDS = 30;

export interface CookieOptions {
  httpOnly: true;
  secure: boolean;
  sameSite: 'lax';
  path: string;
  maxAge: number;
}

export interface CookieWriter {
  set(name: string, value: string, options: CookieOptions): unknown;
}

const LOCAL_HOSTNAMES = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Secure cookies are never sent over plain HTTP, so they are dropped only for a browser talking to this
 * machine (development, the embedded launcher); every other host is expected to be behind TLS.
 */
export function secureCookiesFor(requestHeaders: Headers): boolean {
  const host = requestHeaders.get('x-forwarded-host') ?? requestHeaders.get('host') ?? '';
  const hostname = host.split(',')[0]!.trim().replace(/:\d+$/, '').toLowerCase();
  return !LOCAL_HOSTNAMES.has(hostname);
}

function options(secure: boolean, maxAge: number, path = '/'): CookieOptions {
  // Lax (not Strict) so following an emailed link into the app arrives signed in.
  return { httpOnly: true, secure, sameSite: 'lax', path, maxAge };
}

export function writeSession(cookies: CookieWriter, tokens: TokenPair, secure: boolean): void {
  cookies.set(ACCESS_COOKIE, tokens.accessToken, options(secure, Math.max(1, Math.floor(tokens.expiresIn))));
  cookies.set(REFRESH_COOKIE, tokens.refreshToken, options(secure, REFRESH_MAX_AGE_SECONDS));
}

export function clearSession(cookies: CookieWriter, secure: boolean): void {
  cookies.set(ACCESS_COOKIE, '', options(secure, 0));
  cookies.set(REFRESH_COOKIE, '', options(secure, 0));
}

export function writeMfaChallenge(cookies: CookieWriter, mfaToken: string, secure: boolean): void {
  cookies.set(MFA_COOKIE, mfaToken, options(secure, MFA_MAX_AGE_SECONDS, '/signin'));
}

export function clearMfaChallenge(cookies: CookieWriter, secure: boolean): void {
  cookies.set(MFA_COOKIE, '', options(secure, 0, '/signin'));
}

/**
 * True when the access JWT's `exp` is (nearly) past. The signature is not checked here (the gateway
 * does that); this only avoids sending a token we already know is stale. Opaque tokens count as fresh
 * and simply live as long as their cookie.
 */
export function accessTokenExpiresSoon(token: string, nowSeconds = Date.now() / 1000): boolean {
  const payload = token.split('.')[1];
  if (!payload) return false;
  try {
    const claims: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    const exp = (claims as { exp?: unknown }).exp;
    return typeof exp === 'number' && exp - EXPIRY_MARGIN_SECONDS <= nowSeconds;
  } catch {
    return false;
  }
}
