// Content-Security-Policy with a fresh nonce per response. Next.js reads the nonce from the request's
// CSP header and stamps it on its own scripts, so no 'unsafe-inline' is needed for scripts in production;
// 'strict-dynamic' lets those trusted scripts load the page's chunks. Every page is rendered per request
// (the layout reads the session cookie), which a nonce requires.

export function createNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
}

export function contentSecurityPolicy(nonce: string, isDevelopment: boolean): string {
  const directives = [
    "default-src 'self'",
    // React's development build evaluates code to rebuild server stacks; production never does.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDevelopment ? " 'unsafe-eval'" : ''}`,
    // The dev overlay injects inline styles; production serves only stylesheet files.
    `style-src 'self' ${isDevelopment ? "'unsafe-inline'" : `'nonce-${nonce}'`}`,
    // Avatars are links to pictures anywhere on the web (docs/decisions/0008-web-avatars-csp.md): any
    // HTTPS host, never plain HTTP. <img> cannot run script, and avatars are sent no Referer.
    "img-src 'self' data: blob: https:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  return directives.join('; ');
}
