// The only module that reads the environment. Expo inlines EXPO_PUBLIC_* variables into the bundle at
// build time, and only where they are written out literally as `process.env.EXPO_PUBLIC_…` (no
// destructuring, no computed keys), so a different default gateway means a new bundle, not a restart.
// A tester can still point an installed build elsewhere in the dev settings screen (src/settings).
const DEFAULT_GATEWAY_URL = 'http://127.0.0.1:8080';

/** The gateway URL without trailing slashes, or null when it is not an http(s) URL. */
export function normalizeGatewayUrl(raw: string): string | null {
  const value = raw.trim();
  if (!/^https?:\/\/[^/\s]+(\/\S*)?$/.test(value)) return null;
  return value.replace(/\/+$/, '');
}

function parseGatewayUrl(raw: string | undefined): string {
  const value = raw?.trim() || DEFAULT_GATEWAY_URL;
  const url = normalizeGatewayUrl(value);
  // Fail at start-up: a malformed URL would otherwise surface later as a misleading network error.
  if (url === null) throw new Error(`EXPO_PUBLIC_GATEWAY_URL must be an http(s) URL, got "${value}"`);
  return url;
}

export const config = {
  /** The build-time default; the dev settings screen may override it on the device. */
  gatewayUrl: parseGatewayUrl(process.env.EXPO_PUBLIC_GATEWAY_URL),
} as const;
