import type { TokenStore, Tokens } from '../auth/token-store';
import { ApiError, invalidResponseError, networkError, toApiError } from './api-error';

/** GET /api/v1/me */
export interface Me {
  id: string;
  email: string;
  displayName: string;
  roles: string[];
  emailVerified: boolean;
  mfaEnabled: boolean;
  locale: string;
  timezone: string;
  avatarUrl: string | null;
  createdAt: string;
}

export type LoginResult = { kind: 'signed-in' } | { kind: 'mfa-required'; mfaToken: string };

export interface GatewayClientOptions {
  baseUrl: string;
  tokenStore: TokenStore;
  /** Called once the stored session is found to be unusable (the refresh token was rejected). */
  onSessionExpired?: () => void;
}

export interface GatewayClient {
  login(email: string, password: string): Promise<LoginResult>;
  verifyMfa(mfaToken: string, code: string): Promise<void>;
  me(): Promise<Me>;
  /** Renews the tokens now; false when there is no usable session any more. */
  refresh(): Promise<boolean>;
  logout(): Promise<void>;
}

type Method = 'GET' | 'POST';

function parseTokens(status: number, body: unknown): Tokens {
  const { accessToken, refreshToken } = (body ?? {}) as Record<string, unknown>;
  if (typeof accessToken !== 'string' || typeof refreshToken !== 'string') {
    throw invalidResponseError(status, 'The gateway answered without tokens');
  }
  return { accessToken, refreshToken };
}

export function createGatewayClient({ baseUrl, tokenStore, onSessionExpired }: GatewayClientOptions): GatewayClient {
  let refreshInFlight: Promise<Tokens | null> | null = null;

  async function send(method: Method, path: string, body?: unknown, accessToken?: string): Promise<Response> {
    const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (accessToken !== undefined) headers.Authorization = `Bearer ${accessToken}`;
    try {
      // The global is looked up per call (not captured) so a polyfilled or test-replaced fetch is honoured.
      return await fetch(`${baseUrl}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (cause) {
      throw networkError(cause);
    }
  }

  async function json(response: Response): Promise<unknown> {
    if (!response.ok) throw await toApiError(response);
    try {
      return await response.json();
    } catch {
      throw invalidResponseError(response.status, 'The gateway answered with a body that is not JSON');
    }
  }

  async function refreshWith(refreshToken: string): Promise<Tokens | null> {
    const response = await send('POST', '/api/v1/auth/refresh', { refreshToken });
    // A 4xx means the refresh token is dead (expired, revoked, or already rotated): the session is over.
    // A 5xx or a network failure says nothing about the session, so the tokens stay for a later retry.
    if (response.status >= 400 && response.status < 500) {
      await tokenStore.clear();
      onSessionExpired?.();
      return null;
    }
    const tokens = parseTokens(response.status, await json(response));
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

  /** Sends with the stored access token; on 401 renews once (shared) and retries once. */
  async function authorized(method: Method, path: string, body?: unknown): Promise<unknown> {
    const tokens = await tokenStore.load();
    if (tokens === null) {
      throw new ApiError({ status: 401, code: 'NOT_SIGNED_IN', title: 'Not signed in', detail: 'Sign in first.' });
    }
    const first = await send(method, path, body, tokens.accessToken);
    if (first.status !== 401) return json(first);
    const renewed = await renewAfter(tokens.accessToken);
    if (renewed === null) return json(first);
    return json(await send(method, path, body, renewed.accessToken));
  }

  return {
    async login(email, password) {
      const response = await send('POST', '/api/v1/auth/login', { email, password });
      const body = (await json(response)) as Record<string, unknown>;
      if (body.mfaRequired === true) {
        if (typeof body.mfaToken !== 'string') throw invalidResponseError(response.status, 'MFA token missing');
        return { kind: 'mfa-required', mfaToken: body.mfaToken };
      }
      await tokenStore.save(parseTokens(response.status, body));
      return { kind: 'signed-in' };
    },

    async verifyMfa(mfaToken, code) {
      const response = await send('POST', '/api/v1/auth/mfa/verify', { mfaToken, code });
      await tokenStore.save(parseTokens(response.status, await json(response)));
    },

    async me() {
      return (await authorized('GET', '/api/v1/me')) as Me;
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
          await send('POST', '/api/v1/auth/logout', { refreshToken: tokens.refreshToken }, tokens.accessToken);
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
