import { NextResponse, type NextRequest } from 'next/server';
import { config as web } from './config';
import { contentSecurityPolicy, createNonce } from './lib/csp';
import { clientContextFrom, gateway, type ClientContext, type GatewayResult, type TokenPair } from './lib/gateway';
import { signinPath } from './lib/redirect-target';
import {
  ACCESS_COOKIE,
  REFRESH_COOKIE,
  accessTokenExpiresSoon,
  clearSession,
  secureCookiesFor,
  writeSession,
} from './lib/session';

// Runs before every page and Server Action: sets the per-request CSP, renews an expired access token
// from the refresh cookie (so pages never see a stale session), and sends signed-out visitors of
// protected pages to sign in. Pages and actions still check the session themselves; this is not the
// authorization boundary (the gateway is).

const PUBLIC_PATHS = ['/signin', '/signup', '/check-email', '/verify-email'];

function isPublic(pathname: string): boolean {
  return PUBLIC_PATHS.some((path) => pathname === path || pathname.startsWith(`${path}/`));
}

// A page and its prefetches often arrive together carrying the same expired session. Sharing one
// refresh call stops them from presenting the same single-use refresh token twice, which the gateway
// would have to treat as token reuse.
const refreshesInFlight = new Map<string, Promise<GatewayResult<TokenPair>>>();

function refreshOnce(refreshToken: string, client: ClientContext): Promise<GatewayResult<TokenPair>> {
  let pending = refreshesInFlight.get(refreshToken);
  if (!pending) {
    pending = gateway.refresh(refreshToken, client).finally(() => refreshesInFlight.delete(refreshToken));
    refreshesInFlight.set(refreshToken, pending);
  }
  return pending;
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

export async function proxy(request: NextRequest): Promise<NextResponse> {
  const secure = secureCookiesFor(request.headers);
  const { signedIn, outcome } = await renewSession(request);

  const { pathname, search } = request.nextUrl;
  const isNavigation = request.method === 'GET' || request.method === 'HEAD';
  let response: NextResponse;
  if (!signedIn && isNavigation && !isPublic(pathname)) {
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
