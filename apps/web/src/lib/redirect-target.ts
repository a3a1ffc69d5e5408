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

export function signinPath(next: string): string {
  const target = safeNextPath(next);
  return target === '/' ? '/signin' : `/signin?next=${encodeURIComponent(target)}`;
}
