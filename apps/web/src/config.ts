import 'server-only';

// The only module that reads process.env. It is parsed once, when the server loads it, and reports every
// invalid variable at once, so a misconfigured deployment fails at boot instead of on some later request.

export interface WebConfig {
  /** Base URL of the API gateway (no trailing slash). Only the Next.js server talks to it. */
  readonly gatewayUrl: string;
  /** Upper bound for one gateway call, so a hung gateway cannot hold a page render forever. */
  readonly gatewayTimeoutMs: number;
  /** Link shown on /check-email to the development mail inbox; null where real email is sent. */
  readonly devInboxUrl: string | null;
  /** `next dev`: the CSP must allow eval and inline styles for React's debugging tools. */
  readonly isDevelopment: boolean;
}

type Env = Readonly<Record<string, string | undefined>>;

function parseHttpUrl(name: string, raw: string, errors: string[]): string {
  try {
    const url = new URL(raw);
    if (url.protocol === 'http:' || url.protocol === 'https:') return url.href.replace(/\/+$/, '');
  } catch {
    // fall through to the shared message
  }
  errors.push(`${name} must be an http(s) URL, got "${raw}"`);
  return '';
}

function parsePositiveInt(name: string, raw: string, errors: string[]): number {
  const value = Number(raw);
  if (Number.isInteger(value) && value > 0) return value;
  errors.push(`${name} must be a positive integer, got "${raw}"`);
  return 0;
}

export function parseConfig(env: Env): WebConfig {
  const errors: string[] = [];
  const isDevelopment = env.NODE_ENV === 'development';
  const gatewayUrl = parseHttpUrl('GATEWAY_URL', env.GATEWAY_URL ?? 'http://127.0.0.1:8080', errors);
  const gatewayTimeoutMs = parsePositiveInt('GATEWAY_TIMEOUT_MS', env.GATEWAY_TIMEOUT_MS ?? '10000', errors);
  // Production sends real email, so the inbox link appears only in development or when the launcher
  // (embedded mode runs `next start`, i.e. production) points it at its dev inbox explicitly.
  const inboxRaw = env.DEV_INBOX_URL ?? (env.NODE_ENV === 'production' ? '' : 'http://localhost:8025');
  const devInboxUrl = inboxRaw === '' ? null : parseHttpUrl('DEV_INBOX_URL', inboxRaw, errors);

  if (errors.length > 0) {
    throw new Error(`Invalid configuration of the web app:\n  - ${errors.join('\n  - ')}`);
  }
  return { gatewayUrl, gatewayTimeoutMs, devInboxUrl, isDevelopment };
}

export const config: WebConfig = parseConfig(process.env);
