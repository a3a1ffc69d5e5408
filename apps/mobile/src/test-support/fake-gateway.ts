// A scripted gateway behind a mocked global fetch: each route answers from a handler, and every
// request is recorded so tests can assert what was sent and how often.

export interface RecordedRequest {
  method: string;
  path: string;
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

export function installFakeGateway(routes: Record<string, Handler>) {
  const requests: RecordedRequest[] = [];
  // Both forms of fetch are accepted: `fetch(url, init)` and `fetch(request)`, which the typed client uses.
  const fetchMock = jest.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const sent = new Request(input, init);
    const text = await sent.text();
    const request: RecordedRequest = {
      method: sent.method,
      path: new URL(sent.url).pathname,
      authorization: sent.headers.get('authorization') ?? undefined,
      body: text === '' ? undefined : JSON.parse(text),
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
  return {
    requests,
    to: (route: string) => requests.filter((r) => `${r.method} ${r.path}` === route),
    restore: () => {
      globalThis.fetch = original;
    },
  };
}
