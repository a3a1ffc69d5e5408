import 'server-only';
import { createApiClient, readProblem, type FieldProblem as ApiFieldProblem } from '@msp/api-client';
import { config } from '../config';

// The plumbing every gateway call shares: the generated client, the per-call headers and deadline, and
// turning an answer into data (`GatewayResult`). The per-resource modules in lib/api/ and the auth calls
// in lib/gateway.ts are thin functions over it, one per endpoint.

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

/** A signed-in user's call: their access token and their browser. */
export interface Caller {
  readonly accessToken: string;
  readonly client: ClientContext;
}

export const unavailable: GatewayProblem = {
  status: 503,
  code: 'gateway_unavailable',
  title: 'Service unavailable',
  detail: 'The service cannot be reached right now. Please try again in a moment.',
};

const badResponse: GatewayProblem = { ...unavailable, status: 502, code: 'bad_gateway_response' };

/** Thrown by our fetch when no answer arrived, to tell it apart from an answer that could not be read. */
class GatewayUnreachable extends Error {}

const clientOptions = {
  cache: 'no-store',
  redirect: 'manual',
  // The global is looked up per call (not captured at load) so Next.js's instrumented fetch is used.
  fetch: async (request: Request) => {
    try {
      return await fetch(request);
    } catch (cause) {
      throw new GatewayUnreachable('The gateway did not answer', { cause });
    }
  },
} as const;

export const api = createApiClient(config.gatewayUrl, clientOptions);

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

export interface CallExtras {
  /** Writes that create or pay: a repeat with the same key answers the first response (API.md). */
  readonly idempotencyKey?: string;
  /** Optimistic concurrency: the version the caller last saw; a stale one answers 409. */
  readonly ifMatch?: number;
}

/** Headers and deadline of one call: the browser's identity, the user's token, the configured timeout. */
export function callOptions(client: ClientContext, accessToken?: string, extras: CallExtras = {}) {
  const headers = new Headers({ accept: 'application/json, application/problem+json' });
  if (accessToken) headers.set('authorization', `Bearer ${accessToken}`);
  if (client.userAgent) headers.set('user-agent', client.userAgent);
  if (client.forwardedFor) headers.set('x-forwarded-for', client.forwardedFor);
  if (extras.idempotencyKey) headers.set('idempotency-key', extras.idempotencyKey);
  if (extras.ifMatch !== undefined) headers.set('if-match', String(extras.ifMatch));
  return { headers, signal: AbortSignal.timeout(config.gatewayTimeoutMs) };
}

/** `callOptions` for a signed-in caller. */
export function as(caller: Caller, extras?: CallExtras) {
  return callOptions(caller.client, caller.accessToken, extras);
}

type Answer<T> = { data?: T; error?: unknown; response: Response };

/**
 * The client's answer as data. `success` says what a successful answer carries: a JSON body (then an
 * empty one is as unusable as one that is not JSON) or nothing (204/202).
 */
export async function settle<T>(pending: Promise<Answer<T>>, success: 'json' | 'empty'): Promise<GatewayResult<T>> {
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
