// Where to send the user after signing in. Only paths on this site are accepted: an open redirect on the
// sign-in page would let a phishing link bounce freshly signed-in users to any site.

const BASE = 'http://same-origin.invalid';

export function safeNextPath(raw: string | null | undefined): string {
  if (!raw || !raw.startsWith('/')) return '/';
  let url: URL;
  try {
    // The URL parser applies the browser's own rules (backslashes, tabs, `//host`), so what passes here
    // is what the browser will actually follow.
    url = new URL(raw, BASE);
  } catch {
    return '/';
  }
  if (url.origin !== BASE || url.pathname === '/signin') return '/';
  return `${url.pathname}${url.search}${url.hash}`;
}

/**
 * `path` with `next` added as a query parameter when there is somewhere other than home to go back to:
 * the sign-in, sign-up and check-email pages pass it along, so a visitor who came from an emailed link
 * (an invitation) lands there again after signing up, confirming the address and signing in.
 */
export function withNext(path: string, next: string | null | undefined): string {
  const target = safeNextPath(next);
  if (target === '/') return path;
  return `${path}${path.includes('?') ? '&' : '?'}next=${encodeURIComponent(target)}`;
}

export function signinPath(next: string | null | undefined): string {
  return withNext('/signin', next);
}

export function signupPath(next: string | null | undefined): string {
  return withNext('/signup', next);
}
