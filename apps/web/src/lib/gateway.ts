import 'server-only';
import { config } from '../config';

// Server-only client of the API gateway (API.md). Its surface is deliberately small (one function per
// endpoint, results as data) so the client generated from the gateway's OpenAPI can replace the
// internals without touching pages, actions or the proxy.

export interface FieldProblem {
  readonly path: string;
  readonly message: string;
}

export interface GatewayProblem {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail: string;
  readonly errors?: readonly FieldProblem[];
  /** Seconds from `Retry-After` on 429/503, so the UI can say when to try again. */
  readonly retryAfter?: number;
}

export type GatewayResult<T> = { ok: true; data: T } | { ok: false; problem: GatewayProblem };

export interface TokenPair {
  readonly accessToken: string;
  readonly refreshToken: string;
  readonly tokenType: 'Bearer';
  readonly expiresIn: number;
}

export interface MfaChallenge {
  readonly mfaRequired: true;
  readonly mfaToken: string;
}

export interface Me {
  readonly id: string;
  readonly email: string;
  readonly displayName: string;
  readonly roles: readonly string[];
  readonly emailVerified: boolean;
  readonly mfaEnabled: boolean;
  readonly locale: string | null;
  readonly timezone: string | null;
  readonly avatarUrl: string | null;
  readonly createdAt: string;
}

/** What the gateway needs to know about the browser behind us: sessions record it, rate limits key on it. */
export interface ClientContext {
  readonly userAgent?: string;
  readonly forwardedFor?: string;
}

export function clientContextFrom(headers: Headers): ClientContext {
  const userAgent = headers.get('user-agent') ?? undefined;
  const forwardedFor = headers.get('x-forwarded-for') ?? undefined;
  return { ...(userAgent && { userAgent }), ...(forwardedFor && { forwardedFor }) };
}

interface CallOptions {
  readonly client: ClientContext;
  readonly body?: unknown;
  readonly accessToken?: string;
}

const unavailable: GatewayProblem = {
  status: 503,
  code: 'gateway_unavailable',
  title: 'Service unavailable',
  detail: 'The service cannot be reached right now. Please try again in a moment.',
};

function parseRetryAfter(value: string | null): number | undefined {
  if (value === null) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

async function toProblem(response: Response): Promise<GatewayProblem> {
  const retryAfter = parseRetryAfter(response.headers.get('retry-after'));
  const fallback: GatewayProblem = {
    status: response.status,
    code: `http_${response.status}`,
    title: response.statusText || 'Request failed',
    detail: response.status >= 500 ? unavailable.detail : 'The request could not be completed.',
    ...(retryAfter !== undefined && { retryAfter }),
  };
  const body: unknown = await response.json().catch(() => null);
  if (typeof body !== 'object' || body === null) return fallback;
  const raw = body as Record<string, unknown>;
  const errors = Array.isArray(raw.errors)
    ? raw.errors.filter(
        (e): e is FieldProblem =>
          typeof e === 'object' && e !== null && typeof e.path === 'string' && typeof e.message === 'string',
      )
    : undefined;
  return {
    ...fallback,
    ...(typeof raw.code === 'string' && { code: raw.code }),
    ...(typeof raw.title === 'string' && { title: raw.title }),
    ...(typeof raw.detail === 'string' && { detail: raw.detail }),
    ...(errors && errors.length > 0 && { errors }),
  };
}

async function call<T>(method: 'GET' | 'POST', path: string, options: CallOptions): Promise<GatewayResult<T>> {
  const headers = new Headers({ accept: 'application/json, application/problem+json' });
  if (options.body !== undefined) headers.set('content-type', 'application/json');
  if (options.accessToken) headers.set('authorization', `Bearer ${options.accessToken}`);
  if (options.client.userAgent) headers.set('user-agent', options.client.userAgent);
  if (options.client.forwardedFor) headers.set('x-forwarded-for', options.client.forwardedFor);

  let response: Response;
  try {
    response = await fetch(`${config.gatewayUrl}${path}`, {
      method,
      headers,
      body: options.body === undefined ? null : JSON.stringify(options.body),
      cache: 'no-store',
      redirect: 'manual',
      signal: AbortSignal.timeout(config.gatewayTimeoutMs),
    });
  } catch {
    // Connection refused, DNS failure or timeout: to the user these are all "try again later".
    return { ok: false, problem: unavailable };
  }

  if (!response.ok) return { ok: false, problem: await toProblem(response) };
  if (response.status === 204) return { ok: true, data: undefined as T };
  try {
    return { ok: true, data: (await response.json()) as T };
  } catch {
    return { ok: false, problem: { ...unavailable, status: 502, code: 'bad_gateway_response' } };
  }
}

export interface RegisterInput {
  readonly email: string;
  readonly password: string;
  readonly displayName: string;
}

export const gateway = {
  register: (input: RegisterInput, client: ClientContext) =>
    call<{ userId: string }>('POST', '/api/v1/auth/register', { client, body: input }),

  verifyEmail: (token: string, client: ClientContext) =>
    call<void>('POST', '/api/v1/auth/verify-email', { client, body: { token } }),

  login: (input: { email: string; password: string }, client: ClientContext) =>
    call<TokenPair | MfaChallenge>('POST', '/api/v1/auth/login', { client, body: input }),

  verifyMfa: (input: { mfaToken: string; code: string }, client: ClientContext) =>
    call<TokenPair>('POST', '/api/v1/auth/mfa/verify', { client, body: input }),

  refresh: (refreshToken: string, client: ClientContext) =>
    call<TokenPair>('POST', '/api/v1/auth/refresh', { client, body: { refreshToken } }),

  logout: (refreshToken: string, client: ClientContext) =>
    call<void>('POST', '/api/v1/auth/logout', { client, body: { refreshToken } }),

  me: (accessToken: string, client: ClientContext) => call<Me>('GET', '/api/v1/me', { client, accessToken }),
} as const;

export function isMfaChallenge(result: TokenPair | MfaChallenge): result is MfaChallenge {
  return 'mfaRequired' in result && result.mfaRequired === true;
}
