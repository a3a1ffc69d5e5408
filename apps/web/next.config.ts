import type { NextConfig } from 'next';

// Headers that are the same on every response. The Content-Security-Policy is not here: it carries a
// per-request nonce, so src/proxy.ts sets it.
const securityHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  // Legacy twin of CSP `frame-ancestors 'none'` for browsers that ignore CSP.
  { key: 'X-Frame-Options', value: 'DENY' },
  // `same-origin`, not `no-referrer`: the latter makes browsers send `Origin: null` on our own POSTs,
  // and Next.js rejects Server Actions whose Origin does not match the Host (our CSRF protection).
  // Other sites never see our URLs, which may carry one-time tokens (/verify-email?token=…).
  { key: 'Referrer-Policy', value: 'same-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), browsing-topics=()' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
  { key: 'Cross-Origin-Resource-Policy', value: 'same-origin' },
];

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  async headers() {
    return [{ source: '/:path*', headers: securityHeaders }];
  },
};

export default nextConfig;
