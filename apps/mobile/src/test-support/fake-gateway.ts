// A scripted gateway behind a mocked global fetch: each route answers from a handler, and every
// request is recorded so tests can assert what was sent and how often.

export interface RecordedRequest {
  method: string;
  path: string;
  /** The query string as an object (repeated names keep the last value). */
  query: Record<string, string>;
  /** Header names in lower case. */
  headers: Record<string, string>;
  authorization: string | undefined;
  body: unknown;
}

export interface FakeAnswer {
  status: number;
  body?: unknown;
  contentType?: string;
}

type Handler = (request: RecordedRequest) => FakeAnswer | Promise<FakeAnswer>;

export function json(status: number, body: unknown): FakeAnswer {
  return { status, body };
}

export function problem(status: number, code: string, detail: string, errors?: unknown[]): FakeAnswer {
  return {
    status,
    contentType: 'application/problem+json',
    body: { type: 'about:blank', title: code, status, detail, code, correlationId: 'corr-1', errors },
  };
}

// The typed client calls `fetch(request)`, and a Request's body can only be read asynchronously. Yet
// handlers must run in the same tick as the fetch call (as with `fetch(url, init)`), so a test can answer
// a pending request right after the press that sent it. So while installed, the fake also provides the
// global Request, which remembers the string body it was built with.
const sentBodies = new WeakMap<Request, string>();
const OriginalRequest = globalThis.Request;
class RecordingRequest extends OriginalRequest {
  constructor(input: RequestInfo | URL, init?: RequestInit) {
    super(input, init);
    const body = typeof init?.body === 'string' ? init.body : input instanceof Request ? sentBodies.get(input) : undefined;
    if (body !== undefined) sentBodies.set(this, body);
  }
}

export function installFakeGateway(routes: Record<string, Handler>) {
  const requests: RecordedRequest[] = [];
  // Both forms of fetch are accepted: `fetch(url, init)` and `fetch(request)`.
  const fetchMock = jest.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const sent = new RecordingRequest(input, init);
    const text = sentBodies.get(sent);
    const url = new URL(sent.url);
    const request: RecordedRequest = {
      method: sent.method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: Object.fromEntries(sent.headers),
      authorization: sent.headers.get('authorization') ?? undefined,
      body: text === undefined || text === '' ? undefined : JSON.parse(text),
    };
    requests.push(request);
    const handler = routes[`${request.method} ${request.path}`];
    if (handler === undefined) throw new Error(`fake gateway: no route for ${request.method} ${request.path}`);
    const answer = await handler(request);
    const body = answer.body === undefined ? null : JSON.stringify(answer.body);
    return new Response(body, {
      status: answer.status,
      headers: body === null ? {} : { 'Content-Type': answer.contentType ?? 'application/json' },
    });
  });
  const original = globalThis.fetch;
  globalThis.fetch = fetchMock as unknown as typeof fetch;
  globalThis.Request = RecordingRequest;
  return {
    requests,
    to: (route: string) => requests.filter((r) => `${r.method} ${r.path}` === route),
    restore: () => {
      globalThis.fetch = original;
      globalThis.Request = OriginalRequest;
    },
  };
}
