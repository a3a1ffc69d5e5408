import { FormEncodingError, parseForm } from './form-encoding.js';
import { newId } from './ids.js';
import { requestFingerprint, type IdempotencyStore } from './idempotency.js';
import type { SandboxLogger } from './sandbox-logger.js';
import { authenticationFailed, errorResponse, invalidRequest, StripeApiError, unrecognizedUrl } from './stripe-error.js';
import type { ApiHandler, ApiMethod, ApiRoutes } from './stripe-routes.js';

/** What arrived, already read off the socket. */
export interface ApiRequest {
  method: string;
  path: string;
  /** The form-encoded parameters: the body of a POST, the query string otherwise. */
  encodedParams: string;
  authorization: string | undefined;
  idempotencyKey: string | undefined;
  stripeVersion: string | undefined;
}

export interface ApiReply {
  status: number;
  body: string;
  headers: Record<string, string>;
  holdResponseMs?: number | undefined;
}

export interface ApiPipelineOptions {
  routes: ApiRoutes;
  idempotency: IdempotencyStore;
  apiVersion: string;
  /** When set, the only key accepted; otherwise any test-mode secret key is. */
  secretKey: string | undefined;
  logger: SandboxLogger;
}

const MAX_IDEMPOTENCY_KEY_LENGTH = 255;

/**
 * One Stripe API request, in Stripe's order: authenticate, parse, find the endpoint, consult the
 * idempotency layer, run, and store the outcome under the key when the endpoint got as far as doing
 * something (successes and card declines; not validation errors, which may be corrected and retried).
 */
export function createApiPipeline(options: ApiPipelineOptions): (request: ApiRequest) => ApiReply {
  const { routes, idempotency, apiVersion, secretKey, logger } = options;

  return (request) => {
    const requestId = newId('req');
    const headers: Record<string, string> = { 'request-id': requestId, 'stripe-version': request.stripeVersion ?? apiVersion };
    const reply = (status: number, body: unknown, extra: Partial<ApiReply> = {}): ApiReply => ({
      status,
      body: JSON.stringify(body, null, 2),
      ...extra,
      headers: { ...headers, ...extra.headers },
    });

    try {
      authenticate(request.authorization, secretKey);
      const params = parseForm(request.encodedParams);
      const { handler, path } = findRoute(routes, request.method, request.path);
      const key = request.method === 'POST' ? request.idempotencyKey : undefined;
      const call = { params, path, request: { id: requestId, idempotencyKey: key ?? null } };
      if (!key) return run(handler, call, reply).reply;

      if (key.length > MAX_IDEMPOTENCY_KEY_LENGTH) {
        throw invalidRequest(`Idempotency-Key is longer than ${MAX_IDEMPOTENCY_KEY_LENGTH} characters.`);
      }
      const endpoint = `${request.method} ${request.path}`;
      const fingerprint = requestFingerprint(params);
      const found = idempotency.lookup(key, endpoint, fingerprint);
      if (found.kind === 'replay') {
        const { status, body, requestId: original } = found.response;
        return {
          status,
          body,
          headers: { ...headers, 'idempotency-key': key, 'idempotent-replayed': 'true', 'original-request': original },
        };
      }
      const { reply: fresh, store } = run(handler, call, reply);
      if (store) idempotency.save(key, endpoint, fingerprint, { status: fresh.status, body: fresh.body, requestId });
      return { ...fresh, headers: { ...fresh.headers, 'idempotency-key': key } };
    } catch (error) {
      if (error instanceof StripeApiError) return reply(error.status, errorResponse(error));
      if (error instanceof FormEncodingError) return reply(400, errorResponse(invalidRequest(error.message, { param: error.param })));
      logger.warn({ err: String(error), method: request.method, path: request.path }, 'request failed');
      return reply(500, { error: { type: 'api_error', message: 'The payment sandbox failed to handle this request.' } });
    }
  };
}

type Reply = (status: number, body: unknown, extra?: Partial<ApiReply>) => ApiReply;

function run(handler: ApiHandler, call: Parameters<ApiHandler>[0], reply: Reply): { reply: ApiReply; store: boolean } {
  try {
    const result = handler(call);
    return { reply: reply(result.status, result.body, { holdResponseMs: result.holdResponseMs }), store: true };
  } catch (error) {
    if (!(error instanceof StripeApiError)) throw error;
    return { reply: reply(error.status, errorResponse(error)), store: error.afterExecution };
  }
}

function findRoute(routes: ApiRoutes, method: string, path: string): { handler: ApiHandler; path: string[] } {
  for (const [pattern, handlers] of routes) {
    const match = pattern.exec(path);
    const handler = match ? handlers[method as ApiMethod] : undefined;
    if (match && handler) return { handler, path: match.slice(1).map(decodeSegment) };
  }
  // Stripe answers an unknown method on a known path the same way as an unknown path.
  throw unrecognizedUrl(method, path);
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw invalidRequest('Malformed percent-encoding in the request path.');
  }
}

/** Bearer, as stripe-node sends it, or Basic with the key as user name, as `curl -u sk_test_…:` does. */
function authenticate(authorization: string | undefined, secretKey: string | undefined): void {
  const key = apiKeyFrom(authorization);
  if (!key) {
    throw authenticationFailed(
      "You did not provide an API key. Provide it in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').",
    );
  }
  if (!key.startsWith('sk_test_')) {
    throw authenticationFailed(
      `Invalid API Key provided: ${masked(key)}. The payment sandbox accepts only test-mode secret keys (sk_test_…).`,
    );
  }
  if (secretKey !== undefined && key !== secretKey) throw authenticationFailed(`Invalid API Key provided: ${masked(key)}`);
}

function apiKeyFrom(authorization: string | undefined): string | undefined {
  const match = /^(\w+)\s+(\S+)\s*$/.exec(authorization ?? '');
  if (!match) return undefined;
  const [, scheme = '', credentials = ''] = match;
  if (/^bearer$/i.test(scheme)) return credentials;
  if (/^basic$/i.test(scheme)) return Buffer.from(credentials, 'base64').toString('utf8').split(':')[0] || undefined;
  return undefined;
}

/** Like Stripe's messages: enough of the key to recognise it, never the whole of it. */
function masked(key: string): string {
  const prefix = /^[a-z]+_[a-z]+_/.exec(key)?.[0] ?? '';
  return `${prefix}${'*'.repeat(Math.max(0, key.length - prefix.length - 4))}${key.slice(-4)}`;
}
