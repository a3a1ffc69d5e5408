import { NextResponse, type NextRequest } from 'next/server';
import { config as web } from './config';
import { contentSecurityPolicy, createNonce } from './lib/csp';
import { clientContextFrom, gateway, type ClientContext, type GatewayResult, type TokenPair } from './lib/gateway';
import { signinPath } from './lib/redirect-target';
import { ACCESS_COOKIE, REFRESH_COOKIE, accessTokenExpiresSoon, clearSession, secureCookiesFor, writeSession } from './lib/session';

// Runs before every page and Server Action: sets the per-request CSP, renews an expired access token
// from the refresh cookie (so pages never see a stale session), and sends signed-out visitors of
// protected pages to sign in. Pages and actions still check the session themselves; this is not the
// authorization boundary (the gateway is).

const PUBLIC_PATHS = ['/signin', '/signup', '/check-email', '/verify-email', '/forgot-password', '/reset-password', '/unsubscribe'];

function isPublic(pathname: string): boolean {
  return PUBLIC_PATHS.some((path) => pathname === path || pathname.startsWith(`${path}/`));
}

// A page and its prefetches often arrive together carrying the same expired session, and some are
// still in flight after the first one has rotated the refresh token. Handing all of them the result of
// one refresh call keeps them from presenting a spent refresh token (which the gateway treats as
// reuse) and keeps every response setting the same new cookies. Outcomes other than success are not
// remembered, so a retry after an outage really retries. Replicas do not share this; the gateway's
// grace window covers requests that land on different replicas.
const REUSE_WINDOW_MS = 10_000;
const recentRefreshes = new Map<string, { result: Promise<GatewayResult<TokenPair>>; until: number }>();

function refreshOnce(refreshToken: string, client: ClientContext): Promise<GatewayResult<TokenPair>> {
  const now = Date.now();
  // Entries are in insertion order, so the expired ones are all at the front.
  for (const [token, entry] of recentRefreshes) {
    if (entry.until > now) break;
    recentRefreshes.delete(token);
  }
  const recent = recentRefreshes.get(refreshToken);
  if (recent) return recent.result;
  const result = gateway.refresh(refreshToken, client);
  recentRefreshes.set(refreshToken, { result, until: now + REUSE_WINDOW_MS });
  void result.then((outcome) => {
    if (!outcome.ok) recentRefreshes.delete(refreshToken);
  });
  return result;
}

type SessionOutcome = { kind: 'unchanged' } | { kind: 'renewed'; tokens: TokenPair } | { kind: 'ended' };

/** Brings the request's session cookies up to date; later code in this request reads the updated ones. */
async function renewSession(request: NextRequest): Promise<{ signedIn: boolean; outcome: SessionOutcome }> {
  const access = request.cookies.get(ACCESS_COOKIE)?.value;
  if (access && !accessTokenExpiresSoon(access)) return { signedIn: true, outcome: { kind: 'unchanged' } };
  request.cookies.delete(ACCESS_COOKIE);

  const refreshToken = request.cookies.get(REFRESH_COOKIE)?.value;
  if (!refreshToken) return { signedIn: false, outcome: { kind: 'unchanged' } };

  const result = await refreshOnce(refreshToken, clientContextFrom(request.headers));
  if (result.ok) {
    request.cookies.set(ACCESS_COOKIE, result.data.accessToken);
    request.cookies.set(REFRESH_COOKIE, result.data.refreshToken);
    return { signedIn: true, outcome: { kind: 'renewed', tokens: result.data } };
  }
  // Only a definite "no" from the gateway ends the session; an outage or rate limit keeps the refresh
  // cookie so the next request can try again.
  const { status } = result.problem;
  if (status >= 500 || status === 429) return { signedIn: false, outcome: { kind: 'unchanged' } };
  request.cookies.delete(REFRESH_COOKIE);
  return { signedIn: false, outcome: { kind: 'ended' } };
}

/**
 * The admin console answers "not found" to everyone but platform admins, pages and Server Actions alike,
 * before anything of it renders (its layout and each admin action check again, and so does the gateway).
 */
async function isAdmin(request: NextRequest): Promise<boolean> {
  const accessToken = request.cookies.get(ACCESS_COOKIE)?.value;
  if (!accessToken) return false;
  const me = await gateway.me(accessToken, clientContextFrom(request.headers));
  return me.ok && me.data.roles.includes('admin');
}

function isAdminPath(pathname: string): boolean {
  return pathname === '/admin' || pathname.startsWith('/admin/');
}

export async function proxy(request: NextRequest): Promise<NextResponse> {
  const secure = secureCookiesFor(request.headers);
  const { signedIn, outcome } = await renewSession(request);

  const { pathname, search } = request.nextUrl;
  const isNavigation = request.method === 'GET' || request.method === 'HEAD';
  let response: NextResponse;
  if (signedIn && isAdminPath(pathname) && !(await isAdmin(request))) {
    // A path no route matches renders the not-found page with status 404.
    const target = request.nextUrl.clone();
    target.pathname = '/_admin-only';
    target.search = '';
    const csp = contentSecurityPolicy(createNonce(), web.isDevelopment);
    const headers = new Headers(request.headers);
    headers.set('content-security-policy', csp);
    response = NextResponse.rewrite(target, { request: { headers } });
    response.headers.set('content-security-policy', csp);
  } else if (!signedIn && isNavigation && !isPublic(pathname)) {
    // Server Actions (POST) are not redirected: they answer for themselves.
    const target = request.nextUrl.clone();
    const [targetPath, targetQuery] = signinPath(`${pathname}${search}`).split('?');
    target.pathname = targetPath!;
    target.search = targetQuery ? `?${targetQuery}` : '';
    response = NextResponse.redirect(target);
  } else {
    const csp = contentSecurityPolicy(createNonce(), web.isDevelopment);
    const headers = new Headers(request.headers);
    headers.set('content-security-policy', csp);
    response = NextResponse.next({ request: { headers } });
    response.headers.set('content-security-policy', csp);
  }

  if (outcome.kind === 'renewed') writeSession(response.cookies, outcome.tokens, secure);
  if (outcome.kind === 'ended') clearSession(response.cookies, secure);
  return response;
}

export const config = {
  // Static assets and the launcher's health probe need neither a session nor a CSP nonce.
  matcher: ['/((?!_next/static|_next/image|health$|favicon\\.ico|icon\\.svg).*)'],
};
