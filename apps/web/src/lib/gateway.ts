import 'server-only';
import { createApiClient, readProblem, type ApiClientOf, type FieldProblem as ApiFieldProblem, type paths } from '@msp/api-client';
import { config } from '../config';

// Server-only client of the API gateway (API.md). Its surface is deliberately small (one function per
// endpoint, results as data); underneath, every call goes through the client generated from the
// gateway's OpenAPI document, so request bodies and answers are typed by the gateway's own schema.

/** The part of a problem+json body the UI shows next to a form field. */
export type FieldProblem = Readonly<ApiFieldProblem>;

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

// Request and response shapes come from the gateway's OpenAPI document (packages/api-client).
type JsonBody<Path extends keyof paths, Method extends 'get' | 'post'> = paths[Path][Method] extends {
  requestBody: { content: { 'application/json': infer Body } };
}
  ? Body
  : never;

export type TokenPair = paths['/api/v1/auth/refresh']['post']['responses'][200]['content']['application/json'];
export type Me = paths['/api/v1/me']['get']['responses'][200]['content']['application/json'];
export type RegisterInput = JsonBody<'/api/v1/auth/register', 'post'>;
export type Registered = paths['/api/v1/auth/register']['post']['responses'][201]['content']['application/json'];
export type LoginInput = JsonBody<'/api/v1/auth/login', 'post'>;
export type ForgotPasswordInput = JsonBody<'/api/v1/auth/password/forgot', 'post'>;
export type ResetPasswordInput = JsonBody<'/api/v1/auth/password/reset', 'post'>;
/** The project an accepted invitation joined, with the caller's role in it. */
export type JoinedProject = paths['/api/v1/invitations/accept']['post']['responses'][200]['content']['application/json'];
/** The email category an unsubscribe link turned off, and the address it was sent to. */
export type Unsubscribed = paths['/api/v1/unsubscribe']['post']['responses'][200]['content']['application/json'];

/**
 * FALLBACK until the OpenAPI document has it: API.md lets login answer with an MFA challenge instead of
 * tokens, but the document (like the gateway, which does not implement MFA yet) knows only the tokens.
 */
export interface MfaChallenge {
  readonly mfaRequired: true;
  readonly mfaToken: string;
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

const unavailable: GatewayProblem = {
  status: 503,
  code: 'gateway_unavailable',
  title: 'Service unavailable',
  detail: 'The service cannot be reached right now. Please try again in a moment.',
};

const badResponse: GatewayProblem = { ...unavailable, status: 502, code: 'bad_gateway_response' };

/** Thrown by our fetch when no answer arrived, to tell it apart from an answer that could not be read. */
class GatewayUnreachable extends Error {}

const api = createApiClient(config.gatewayUrl, {
  cache: 'no-store',
  redirect: 'manual',
  // The global is looked up per call (not captured at load) so Next.js's instrumented fetch is used.
  fetch: async (request) => {
    try {
      return await fetch(request);
    } catch (cause) {
      throw new GatewayUnreachable('The gateway did not answer', { cause });
    }
  },
});

/**
 * FALLBACK until the OpenAPI document has it: POST /api/v1/auth/mfa/verify (API.md) is not in it yet,
 * because the gateway does not implement MFA. Declared by hand as the refresh endpoint with API.md's
 * request body, so the call still goes through the typed client; delete once `paths` has it.
 */
type RefreshPath = paths['/api/v1/auth/refresh'];
type MfaVerifyPath = {
  '/api/v1/auth/mfa/verify': Omit<RefreshPath, 'post'> & {
    post: Omit<RefreshPath['post'], 'requestBody'> & {
      requestBody: { content: { 'application/json': { mfaToken: string; code: string } } };
    };
  };
};
const mfaApi = api as unknown as ApiClientOf<MfaVerifyPath>;

function parseRetryAfter(value: string | null): number | undefined {
  if (value === null) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

function toProblem(response: Response, body: unknown): GatewayProblem {
  const retryAfter = parseRetryAfter(response.headers.get('retry-after'));
  const { code, title, detail, errors } = readProblem(body);
  return {
    status: response.status,
    code: code ?? `http_${response.status}`,
    title: title ?? (response.statusText || 'Request failed'),
    detail: detail ?? (response.status >= 500 ? unavailable.detail : 'The request could not be completed.'),
    ...(errors && { errors }),
    ...(retryAfter !== undefined && { retryAfter }),
  };
}

/** Headers and deadline of one call: the browser's identity, the user's token, the configured timeout. */
function callOptions(client: ClientContext, accessToken?: string) {
  const headers = new Headers({ accept: 'application/json, application/problem+json' });
  if (accessToken) headers.set('authorization', `Bearer ${accessToken}`);
  if (client.userAgent) headers.set('user-agent', client.userAgent);
  if (client.forwardedFor) headers.set('x-forwarded-for', client.forwardedFor);
  return { headers, signal: AbortSignal.timeout(config.gatewayTimeoutMs) };
}

type Answer<T> = { data?: T; error?: unknown; response: Response };

/**
 * The client's answer as data. `success` says what a successful answer carries: a JSON body (then an
 * empty one is as unusable as one that is not JSON) or nothing (204).
 */
async function settle<T>(pending: Promise<Answer<T>>, success: 'json' | 'empty'): Promise<GatewayResult<T>> {
  let answer: Answer<T>;
  try {
    answer = await pending;
  } catch (error) {
    // Connection refused, DNS failure or timeout: to the user these are all "try again later". Anything
    // else thrown after an answer arrived means its body could not be read as JSON.
    return { ok: false, problem: error instanceof GatewayUnreachable ? unavailable : badResponse };
  }
  if (!answer.response.ok) return { ok: false, problem: toProblem(answer.response, answer.error) };
  if (success === 'json' && answer.data === undefined) return { ok: false, problem: badResponse };
  return { ok: true, data: answer.data as T };
}

export const gateway = {
  register: (input: RegisterInput, client: ClientContext): Promise<GatewayResult<Registered>> =>
    settle(api.POST('/api/v1/auth/register', { body: input, ...callOptions(client) }), 'json'),

  verifyEmail: (token: string, client: ClientContext): Promise<GatewayResult<void>> =>
    settle(api.POST('/api/v1/auth/verify-email', { body: { token }, ...callOptions(client) }), 'empty'),

  login: (input: LoginInput, client: ClientContext): Promise<GatewayResult<TokenPair | MfaChallenge>> =>
    settle(api.POST('/api/v1/auth/login', { body: input, ...callOptions(client) }), 'json'),

  verifyMfa: (input: { mfaToken: string; code: string }, client: ClientContext): Promise<GatewayResult<TokenPair>> =>
    settle(mfaApi.POST('/api/v1/auth/mfa/verify', { body: input, ...callOptions(client) }), 'json'),

  refresh: (refreshToken: string, client: ClientContext): Promise<GatewayResult<TokenPair>> =>
    settle(api.POST('/api/v1/auth/refresh', { body: { refreshToken }, ...callOptions(client) }), 'json'),

  logout: (refreshToken: string, client: ClientContext): Promise<GatewayResult<void>> =>
    settle(api.POST('/api/v1/auth/logout', { body: { refreshToken }, ...callOptions(client) }), 'empty'),

  /** 202 whether or not the address has an account: success says nothing about the account. */
  forgotPassword: (input: ForgotPasswordInput, client: ClientContext): Promise<GatewayResult<void>> =>
    settle(api.POST('/api/v1/auth/password/forgot', { body: input, ...callOptions(client) }), 'empty'),

  /** On success every session of the account has ended, including any this browser holds. */
  resetPassword: (input: ResetPasswordInput, client: ClientContext): Promise<GatewayResult<void>> =>
    settle(api.POST('/api/v1/auth/password/reset', { body: input, ...callOptions(client) }), 'empty'),

  me: (accessToken: string, client: ClientContext): Promise<GatewayResult<Me>> =>
    settle(api.GET('/api/v1/me', callOptions(client, accessToken)), 'json'),

  /**
   * 404 when the token is unknown, used, revoked or expired, or the invitation went to another address
   * than the caller's; a caller who already is a member keeps their role.
   */
  acceptInvitation: (token: string, accessToken: string, client: ClientContext): Promise<GatewayResult<JoinedProject>> =>
    settle(api.POST('/api/v1/invitations/accept', { body: { token }, ...callOptions(client, accessToken) }), 'json'),

  /** No session needed: the token names the user and the category. Unsubscribing twice is no error. */
  unsubscribe: (token: string, client: ClientContext): Promise<GatewayResult<Unsubscribed>> =>
    settle(api.POST('/api/v1/unsubscribe', { params: { query: { token } }, ...callOptions(client) }), 'json'),
} as const;

export function isMfaChallenge(result: TokenPair | MfaChallenge): result is MfaChallenge {
  return 'mfaRequired' in result && result.mfaRequired === true;
}
