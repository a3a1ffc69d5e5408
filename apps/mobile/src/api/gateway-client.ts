import { createApiClient, type ApiClient, type paths } from '@msp/api-client';

import type { TokenStore, Tokens } from '../auth/token-store';
import { ApiError, invalidResponseError, networkError, problemError } from './api-error';

// Request and response shapes come from the gateway's OpenAPI document (packages/api-client). This
// module owns the session (tokens, the shared refresh); the feature modules (src/features/*) describe
// their calls with the typed client and run them through `request`/`requestVoid`.

/** GET /api/v1/me */
export type Me = paths['/api/v1/me']['get']['responses'][200]['content']['application/json'];

type LoginAnswer = paths['/api/v1/auth/login']['post']['responses'][200]['content']['application/json'];
type TokenAnswer = paths['/api/v1/auth/refresh']['post']['responses'][200]['content']['application/json'];
type MfaChallenge = Extract<LoginAnswer, { mfaRequired: true }>;

export type LoginResult = { kind: 'signed-in' } | { kind: 'mfa-required'; mfaToken: string };

export interface GatewayClientOptions {
  baseUrl: string;
  tokenStore: TokenStore;
  /** Called once the stored session is found to be unusable (the refresh token was rejected). */
  onSessionExpired?: () => void;
}

/** What the typed client resolves with: `data` on success, otherwise `error` (the parsed problem or raw text). */
export interface Answer<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

export type Fetch = (request: Request) => Promise<Response>;

/** What an authorized call adds to its request options: the bearer header and the instrumented fetch. */
// A type alias, not an interface: the typed client's options have an index signature, which only
// aliases satisfy implicitly.
export type AuthorizedInit = {
  headers: { Authorization: string };
  fetch: Fetch;
};

export type AuthorizedCall<T> = (api: ApiClient, init: AuthorizedInit) => Promise<Answer<T>>;

export interface GatewayClient {
  readonly baseUrl: string;
  login(email: string, password: string): Promise<LoginResult>;
  verifyMfa(mfaToken: string, code: string): Promise<void>;
  register(person: { email: string; password: string; displayName: string }): Promise<void>;
  verifyEmail(token: string): Promise<void>;
  forgotPassword(email: string): Promise<void>;
  me(): Promise<Me>;
  /** Any call that needs the session and answers a body; on 401 renews once (shared) and retries once. */
  request<T>(call: AuthorizedCall<T>): Promise<T>;
  /** As `request`, for calls that answer 204 without a body. */
  requestVoid(call: AuthorizedCall<unknown>): Promise<void>;
  /** Renews the tokens now; false when there is no usable session any more. */
  refresh(): Promise<boolean>;
  logout(): Promise<void>;
}

/**
 * Runs one call of the typed client, mapping what it throws onto ApiError. Each call gets its own
 * fetch so that a success body that is not JSON is reported with the status it came with.
 */
async function send<T>(call: (fetch: Fetch) => Promise<Answer<T>>): Promise<Answer<T>> {
  let status: number | undefined;
  try {
    return await call(async (request) => {
      // The global is looked up per call (not captured) so a polyfilled or test-replaced fetch is honoured.
      const response = await fetch(request);
      status = response.status;
      return response;
    });
  } catch (cause) {
    if (status === undefined) throw networkError(cause);
    throw invalidResponseError(status, 'The gateway answered with a body that is not JSON');
  }
}

/** The body of a successful answer; the gateway's problem otherwise. */
function dataOf<T>({ data, error, response }: Answer<T>): T {
  if (!response.ok) throw problemError(response.status, error);
  if (data === undefined) throw invalidResponseError(response.status, 'The gateway answered without a body');
  return data;
}

function okOf({ error, response }: Answer<unknown>): void {
  if (!response.ok) throw problemError(response.status, error);
}

function parseTokens(status: number, body: Partial<TokenAnswer>): Tokens {
  const { accessToken, refreshToken } = body;
  if (typeof accessToken !== 'string' || typeof refreshToken !== 'string') {
    throw invalidResponseError(status, 'The gateway answered without tokens');
  }
  return { accessToken, refreshToken };
}

function isMfaChallenge(body: LoginAnswer): body is MfaChallenge {
  return 'mfaRequired' in body && body.mfaRequired === true;
}

const bearer = (accessToken: string) => ({ Authorization: `Bearer ${accessToken}` });

export function createGatewayClient({ baseUrl, tokenStore, onSessionExpired }: GatewayClientOptions): GatewayClient {
  const api = createApiClient(baseUrl, { headers: { Accept: 'application/json, application/problem+json' } });
  let refreshInFlight: Promise<Tokens | null> | null = null;

  async function refreshWith(refreshToken: string): Promise<Tokens | null> {
    const answer = await send((fetch) => api.POST('/api/v1/auth/refresh', { body: { refreshToken }, fetch }));
    const { status } = answer.response;
    // A 4xx means the refresh token is dead (expired, revoked, or already rotated): the session is over.
    // A 5xx or a network failure says nothing about the session, so the tokens stay for a later retry.
    if (status >= 400 && status < 500) {
      await tokenStore.clear();
      onSessionExpired?.();
      return null;
    }
    const tokens = parseTokens(status, dataOf(answer));
    await tokenStore.save(tokens);
    return tokens;
  }

  // Refresh tokens rotate on every use, and the auth service revokes the whole session when a rotated
  // token is presented again. So however many calls fail with 401 together, exactly one refresh runs
  // and they all wait for it. The check-and-set of refreshInFlight is synchronous, so no two callers can
  // both start one; a caller whose 401 arrives after a refresh finished sees newer tokens and reuses them.
  function renewAfter(rejectedAccessToken: string): Promise<Tokens | null> {
    refreshInFlight ??= (async () => {
      const current = await tokenStore.load();
      if (current === null) return null;
      if (current.accessToken !== rejectedAccessToken) return current;
      return refreshWith(current.refreshToken);
    })().finally(() => {
      refreshInFlight = null;
    });
    return refreshInFlight;
  }

  /** Calls with the stored access token; on 401 renews once (shared) and retries once. */
  async function authorized<T>(call: AuthorizedCall<T>): Promise<Answer<T>> {
    const tokens = await tokenStore.load();
    if (tokens === null) {
      throw new ApiError({ status: 401, code: 'NOT_SIGNED_IN', title: 'Not signed in', detail: 'Sign in first.' });
    }
    const attempt = (accessToken: string) => send((fetch) => call(api, { headers: bearer(accessToken), fetch }));
    const first = await attempt(tokens.accessToken);
    if (first.response.status !== 401) return first;
    const renewed = await renewAfter(tokens.accessToken);
    if (renewed === null) return first;
    return attempt(renewed.accessToken);
  }

  return {
    baseUrl,

    async login(email, password) {
      const answer = await send((fetch) => api.POST('/api/v1/auth/login', { body: { email, password }, fetch }));
      const body = dataOf(answer);
      if (isMfaChallenge(body)) {
        if (typeof body.mfaToken !== 'string') throw invalidResponseError(answer.response.status, 'MFA token missing');
        return { kind: 'mfa-required', mfaToken: body.mfaToken };
      }
      await tokenStore.save(parseTokens(answer.response.status, body));
      return { kind: 'signed-in' };
    },

    async verifyMfa(mfaToken, code) {
      const answer = await send((fetch) => api.POST('/api/v1/auth/mfa/verify', { body: { mfaToken, code }, fetch }));
      await tokenStore.save(parseTokens(answer.response.status, dataOf(answer)));
    },

    async register(person) {
      dataOf(await send((fetch) => api.POST('/api/v1/auth/register', { body: person, fetch })));
    },

    async verifyEmail(token) {
      okOf(await send((fetch) => api.POST('/api/v1/auth/verify-email', { body: { token }, fetch })));
    },

    async forgotPassword(email) {
      okOf(await send((fetch) => api.POST('/api/v1/auth/password/forgot', { body: { email }, fetch })));
    },

    me() {
      return authorized((client, init) => client.GET('/api/v1/me', init)).then(dataOf);
    },

    request(call) {
      return authorized(call).then(dataOf);
    },

    requestVoid(call) {
      return authorized(call).then(okOf);
    },

    async refresh() {
      const current = await tokenStore.load();
      if (current === null) return false;
      return (await renewAfter(current.accessToken)) !== null;
    },

    async logout() {
      const tokens = await tokenStore.load();
      try {
        // Deliberately not `authorized`: renewing just to revoke would rotate the very token being sent.
        if (tokens !== null) {
          const { refreshToken, accessToken } = tokens;
          await send((fetch) => api.POST('/api/v1/auth/logout', { body: { refreshToken }, headers: bearer(accessToken), fetch }));
        }
      } catch {
        // Signing out on this device must always succeed; if the gateway is unreachable the server-side
        // session simply expires with its refresh token.
      } finally {
        await tokenStore.clear();
      }
    },
  };
}
