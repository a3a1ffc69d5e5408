import { createTokenStore, type TokenStore } from '../../auth/token-store';
import { installFakeGateway, json, problem, type RecordedRequest } from '../../test-support/fake-gateway';
import { ApiError } from '../api-error';
import { createGatewayClient } from '../gateway-client';

const me = { id: 'u-1', email: 'ada@example.com', displayName: 'Ada' };
const expired = () => problem(401, 'TOKEN_EXPIRED', 'The access token has expired.');

let gateway: ReturnType<typeof installFakeGateway>;
afterEach(() => gateway.restore());

async function signedInStore(): Promise<TokenStore> {
  // Memory-only: these tests are about the client, not about secure storage.
  const store = createTokenStore(false);
  await store.save({ accessToken: 'access-old', refreshToken: 'refresh-old' });
  return store;
}

/** Holds the refresh answer until every parallel call has had its 401, so they truly overlap. */
function refreshAfter(meCalls: () => number, count: number, answer: () => ReturnType<typeof json>) {
  return async () => {
    while (meCalls() < count) await new Promise((resolve) => setTimeout(resolve, 1));
    return answer();
  };
}

describe('gateway client refresh', () => {
  it('runs exactly one refresh for five parallel calls that each get 401, then retries each once', async () => {
    const tokenStore = await signedInStore();
    gateway = installFakeGateway({
      'GET /api/v1/me': (request: RecordedRequest) => (request.authorization === 'Bearer access-new' ? json(200, me) : expired()),
      'POST /api/v1/auth/refresh': refreshAfter(
        () => gateway.to('GET /api/v1/me').length,
        5,
        () => json(200, { accessToken: 'access-new', refreshToken: 'refresh-new', tokenType: 'Bearer', expiresIn: 600 }),
      ),
    });
    const client = createGatewayClient({ baseUrl: 'http://gateway.test', tokenStore });

    const results = await Promise.all(Array.from({ length: 5 }, () => client.me()));

    expect(results).toEqual(Array(5).fill(me));
    const refreshes = gateway.to('POST /api/v1/auth/refresh');
    expect(refreshes).toHaveLength(1);
    expect(refreshes[0]?.body).toEqual({ refreshToken: 'refresh-old' });
    const authorizations = gateway.to('GET /api/v1/me').map((r) => r.authorization);
    expect(authorizations.filter((a) => a === 'Bearer access-old')).toHaveLength(5);
    expect(authorizations.filter((a) => a === 'Bearer access-new')).toHaveLength(5);
    await expect(tokenStore.load()).resolves.toEqual({ accessToken: 'access-new', refreshToken: 'refresh-new' });
  });

  it('ends the session once when the refresh token is rejected, failing every waiting call with 401', async () => {
    const tokenStore = await signedInStore();
    const onSessionExpired = jest.fn();
    gateway = installFakeGateway({
      'GET /api/v1/me': expired,
      'POST /api/v1/auth/refresh': refreshAfter(
        () => gateway.to('GET /api/v1/me').length,
        5,
        () => problem(401, 'REFRESH_TOKEN_INVALID', 'The refresh token is no longer valid.'),
      ),
    });
    const client = createGatewayClient({ baseUrl: 'http://gateway.test', tokenStore, onSessionExpired });

    const outcomes = await Promise.allSettled(Array.from({ length: 5 }, () => client.me()));

    for (const outcome of outcomes) {
      expect(outcome).toMatchObject({ status: 'rejected', reason: { status: 401, code: 'TOKEN_EXPIRED' } });
    }
    expect(gateway.to('POST /api/v1/auth/refresh')).toHaveLength(1);
    expect(gateway.to('GET /api/v1/me')).toHaveLength(5);
    expect(onSessionExpired).toHaveBeenCalledTimes(1);
    await expect(tokenStore.load()).resolves.toBeNull();
  });

  it('keeps the session when the refresh fails for a reason that says nothing about it', async () => {
    const tokenStore = await signedInStore();
    gateway = installFakeGateway({
      'GET /api/v1/me': expired,
      'POST /api/v1/auth/refresh': () => problem(503, 'UNAVAILABLE', 'Auth service unavailable.'),
    });
    const client = createGatewayClient({ baseUrl: 'http://gateway.test', tokenStore });

    await expect(client.me()).rejects.toMatchObject({ status: 503 });
    await expect(tokenStore.load()).resolves.toEqual({ accessToken: 'access-old', refreshToken: 'refresh-old' });
  });
});

describe('gateway client errors', () => {
  it('parses problem+json with its field errors', async () => {
    gateway = installFakeGateway({
      'POST /api/v1/auth/login': () =>
        problem(400, 'VALIDATION_FAILED', 'The request is invalid.', [{ path: '/email', message: 'Must be an email.' }]),
    });
    const client = createGatewayClient({ baseUrl: 'http://gateway.test', tokenStore: createTokenStore(false) });

    const error: unknown = await client.login('nope', 'pw').catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 400,
      code: 'VALIDATION_FAILED',
      detail: 'The request is invalid.',
      correlationId: 'corr-1',
      errors: [{ path: '/email', message: 'Must be an email.' }],
    });
  });

  it('turns a failed fetch into a network ApiError', async () => {
    gateway = installFakeGateway({
      'POST /api/v1/auth/login': () => {
        throw new TypeError('Network request failed');
      },
    });
    const client = createGatewayClient({ baseUrl: 'http://gateway.test', tokenStore: createTokenStore(false) });

    await expect(client.login('ada@example.com', 'pw')).rejects.toMatchObject({ status: 0, code: 'NETWORK_ERROR' });
  });
});

describe('gateway client requests', () => {
  it('shares one refresh between parallel calls to different endpoints', async () => {
    const tokenStore = await signedInStore();
    const renewed = (request: RecordedRequest) => request.authorization === 'Bearer access-new';
    let pending = 0;
    gateway = installFakeGateway({
      'GET /api/v1/me': (request) => (renewed(request) ? json(200, me) : expired()),
      'GET /api/v1/projects': (request) => (renewed(request) ? json(200, { items: [], nextCursor: null }) : expired()),
      'GET /api/v1/auth/sessions': (request) => (renewed(request) ? json(200, { items: [] }) : expired()),
      'POST /api/v1/auth/refresh': async () => {
        // Answer only once all three have been turned away, so the calls truly overlap.
        while (gateway.requests.filter((r) => r.authorization === 'Bearer access-old').length < 3 && pending++ < 1000) {
          await new Promise((resolve) => setTimeout(resolve, 1));
        }
        return json(200, { accessToken: 'access-new', refreshToken: 'refresh-new', tokenType: 'Bearer', expiresIn: 600 });
      },
    });
    const client = createGatewayClient({ baseUrl: 'http://gateway.test', tokenStore });

    await Promise.all([
      client.me(),
      client.request((api, init) => api.GET('/api/v1/projects', init)),
      client.request((api, init) => api.GET('/api/v1/auth/sessions', init)),
    ]);

    expect(gateway.to('POST /api/v1/auth/refresh')).toHaveLength(1);
    expect(gateway.requests.filter((r) => r.authorization === 'Bearer access-new')).toHaveLength(3);
  });

  it('sends extra headers with the bearer token and accepts 204 without a body', async () => {
    const tokenStore = await signedInStore();
    gateway = installFakeGateway({ 'DELETE /api/v1/auth/sessions/s-1': () => ({ status: 204 }) });
    const client = createGatewayClient({ baseUrl: 'http://gateway.test', tokenStore });

    await client.requestVoid((api, init) =>
      api.DELETE('/api/v1/auth/sessions/{id}', {
        ...init,
        headers: { ...init.headers, 'X-Request-Id': 'r-1' },
        params: { path: { id: 's-1' } },
      }),
    );

    const [sent] = gateway.requests;
    expect(sent?.headers).toMatchObject({ authorization: 'Bearer access-old', 'x-request-id': 'r-1' });
  });
});
