import { DevInboxClient } from './dev-inbox-client.js';

/** A minimal HTTP client of the gateway for tests: status, JSON body and headers of each call. */
export interface GatewayResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export interface CallOptions {
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as it is, as `application/json`: for JSON that `JSON.stringify` cannot write (`1e400`, duplicate keys). */
  rawBody?: string;
  token?: string;
  headers?: Record<string, string>;
}

export class TestGatewayClient {
  constructor(readonly baseUrl: string) {}

  async call<T = any>(method: string, path: string, options: CallOptions = {}): Promise<GatewayResponse<T>> {
    const headers: Record<string, string> = {};
    const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
    if (body !== undefined) headers['content-type'] = 'application/json';
    Object.assign(headers, options.headers);
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    const response = await fetch(`${this.baseUrl}${path}`, { method, headers, ...(body === undefined ? {} : { body }) });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, body: parsed as T, headers: response.headers };
  }

  /** Registers, verifies through the dev inbox link and signs in: a ready-to-use customer. */
  async signUp(inbox: DevInboxClient, person: { email: string; password: string; displayName: string }) {
    const registered = await this.call('POST', '/api/v1/auth/register', { body: person });
    if (registered.status !== 201) throw new Error(`register → ${registered.status} ${JSON.stringify(registered.body)}`);
    const mail = await inbox.waitForMessageTo(person.email);
    const verified = await this.call('POST', '/api/v1/auth/verify-email', { body: { token: DevInboxClient.tokenIn(mail) } });
    if (verified.status !== 204) throw new Error(`verify → ${verified.status}`);
    const login = await this.call('POST', '/api/v1/auth/login', { body: { email: person.email, password: person.password } });
    if (login.status !== 200) throw new Error(`login → ${login.status}`);
    return {
      userId: registered.body.userId as string,
      accessToken: login.body.accessToken as string,
      refreshToken: login.body.refreshToken as string,
    };
  }
}
