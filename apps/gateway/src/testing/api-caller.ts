import { issueToken, jwksJsonOf, makeSigningKey, type TestGateway } from './gateway-harness.js';

export const CUSTOMER_ID = '6f1c1d1e-8a43-4a8e-9d0f-1f2a3b4c5d6e';
export const OTHER_CUSTOMER_ID = '7a2d3e4f-9b54-4b9f-8e10-2a3b4c5d6e7f';
export const ADMIN_ID = '9f8e7d6c-5b4a-4392-8a1b-0c9d8e7f6a5b';

/** Bearer tokens of a customer, a second customer and a platform admin, and the JWKS that verifies them. */
export async function testIdentities() {
  const key = await makeSigningKey('EdDSA');
  return {
    getJwks: async () => ({ jwksJson: jwksJsonOf(key) }),
    customer: await issueToken(key, { sub: CUSTOMER_ID, roles: ['customer'] }),
    otherCustomer: await issueToken(key, { sub: OTHER_CUSTOMER_ID, roles: ['customer'] }),
    admin: await issueToken(key, { sub: ADMIN_ID, roles: ['customer', 'admin'] }),
  };
}

export interface ApiAnswer {
  status: number;
  headers: Headers;
  /** The parsed JSON body; undefined when there is none. */
  body: unknown;
}

export interface CallOptions {
  body?: unknown;
  headers?: Record<string, string>;
  /** Another caller's token; null sends none. */
  token?: string | null;
}

export type CallApi = (method: string, path: string, options?: CallOptions) => Promise<ApiAnswer>;

/** Calls the test gateway as one caller, with JSON bodies both ways. */
export function apiCaller(gateway: TestGateway, token: string): CallApi {
  return async (method, path, options = {}) => {
    const bearer = options.token === undefined ? token : options.token;
    const response = await fetch(`${gateway.url}${path}`, {
      method,
      headers: {
        ...(bearer === null ? {} : { authorization: `Bearer ${bearer}` }),
        ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...options.headers,
      },
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text === '' ? undefined : (JSON.parse(text) as unknown) };
  };
}

/** The field paths of a 400 problem, sorted, to assert which fields were named. */
export function problemPaths(answer: ApiAnswer): string[] {
  const errors = (answer.body as { errors?: Array<{ path: string }> } | undefined)?.errors ?? [];
  return errors.map((error) => error.path).sort();
}
