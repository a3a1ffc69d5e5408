// The only module that reads the environment. Expo inlines EXPO_PUBLIC_* variables into the bundle at
// build time, and only where they are written out literally as `process.env.EXPO_PUBLIC_…` (no
// destructuring, no computed keys), so a different gateway means a new bundle, not a restart.
const DEFAULT_GATEWAY_URL = 'http://127.0.0.1:8080';

function parseGatewayUrl(raw: string | undefined): string {
  const value = raw?.trim() || DEFAULT_GATEWAY_URL;
  // Fail at start-up: a malformed URL would otherwise surface later as a misleading network error.
  if (!/^https?:\/\/[^/\s]+/.test(value)) {
    throw new Error(`EXPO_PUBLIC_GATEWAY_URL must be an http(s) URL, got "${value}"`);
  }
  return value.replace(/\/+$/, '');
}

export const config = {
  gatewayUrl: parseGatewayUrl(process.env.EXPO_PUBLIC_GATEWAY_URL),
} as const;
