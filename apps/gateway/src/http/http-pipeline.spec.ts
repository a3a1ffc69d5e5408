import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../testing/gateway-harness.js';

describe('HTTP pipeline (real gateway, fake backends)', () => {
  let gateway: TestGateway;
  const registered: unknown[] = [];

  beforeAll(async () => {
    gateway = await startTestGateway({
      auth: {
        register: async (request) => {
          registered.push(request);
          return { userId: '0b7c2f1e-3d4a-4b5c-8d6e-7f8091a2b3c4' };
        },
      },
    });
  });
  afterAll(() => gateway.close());

  const post = (path: string, body: string, headers: Record<string, string> = {}) =>
    fetch(`${gateway.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

  it('answers with a request id, security headers and no x-powered-by', async () => {
    const response = await fetch(`${gateway.url}/health/live`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('x-powered-by')).toBeNull();
  });

  it('echoes a sane client request id and replaces an insane one', async () => {
    const echoed = await fetch(`${gateway.url}/health/live`, { headers: { 'x-request-id': 'client-abc.123' } });
    expect(echoed.headers.get('x-request-id')).toBe('client-abc.123');
    const tooLong = await fetch(`${gateway.url}/health/live`, { headers: { 'x-request-id': 'a'.repeat(201) } });
    expect(tooLong.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const spaces = await fetch(`${gateway.url}/health/live`, { headers: { 'x-request-id': 'has spaces' } });
    expect(spaces.headers.get('x-request-id')).not.toBe('has spaces');
  });

  it('answers an unknown route with a 404 problem carrying the correlation id', async () => {
    const response = await fetch(`${gateway.url}/api/v1/nope`, { headers: { 'x-request-id': 'trace-404' } });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(response.headers.get('x-request-id')).toBe('trace-404');
    expect(await response.json()).toEqual({
      type: 'https://msp.dev/problems/not-found',
      title: 'Not Found',
      status: 404,
      detail: 'There is no resource at this path.',
      code: 'NOT_FOUND',
      correlationId: 'trace-404',
    });
  });

  it('answers malformed JSON with 400 MALFORMED_JSON naming the body', async () => {
    const response = await post('/api/v1/auth/register', '{"email": ');
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(await response.json()).toMatchObject({
      code: 'MALFORMED_JSON',
      status: 400,
      errors: [{ path: 'body', message: 'must be valid JSON' }],
    });
  });

  it('refuses a body with a __proto__ key as MALFORMED_JSON naming the body', async () => {
    const response = await post('/api/v1/auth/register', '{"email": "a@example.com", "__proto__": {"isAdmin": true}}');
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: 'MALFORMED_JSON', errors: [{ path: 'body' }] });
  });

  it('answers a path the router cannot match (bad percent-encoding, over-long id) with a 404 problem', async () => {
    for (const path of ['/api/v1/projects/%E0%A4%A', `/api/v1/projects/${'x'.repeat(500)}`]) {
      const response = await fetch(`${gateway.url}${path}`, { headers: { 'x-request-id': 'trace-url' } });
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      expect(response.headers.get('x-request-id')).toBe('trace-url');
      expect(await response.json()).toMatchObject({ code: 'NOT_FOUND', status: 404, correlationId: 'trace-url' });
    }
  });

  it('answers an empty JSON body with 400 MALFORMED_JSON', async () => {
    const response = await post('/api/v1/auth/register', '');
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: 'MALFORMED_JSON' });
  });

  it('answers a request Node cannot parse (a URL over 16 KiB) with a problem too', async () => {
    const response = await fetch(`${gateway.url}/api/v1/projects/${'x'.repeat(20_000)}`);
    expect(response.status).toBe(431);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    const problem = (await response.json()) as { code: string; correlationId: string };
    expect(problem).toMatchObject({ status: 431, code: 'REQUEST_HEADER_FIELDS_TOO_LARGE' });
    expect(response.headers.get('x-request-id')).toBe(problem.correlationId);
  });

  it('answers a body over 1 MiB with 413', async () => {
    const response = await post('/api/v1/auth/register', JSON.stringify({ email: 'a@example.com', password: 'x'.repeat(1024 * 1024) }));
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', status: 413 });
  });

  it('answers a non-JSON body (text, form) with 415', async () => {
    for (const contentType of ['text/plain', 'application/x-www-form-urlencoded']) {
      const response = await post('/api/v1/auth/register', 'email=a%40example.com', { 'content-type': contentType });
      expect(response.status).toBe(415);
      expect(await response.json()).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
    }
  });

  it('rejects unknown fields, listing each one', async () => {
    const response = await post(
      '/api/v1/auth/register',
      JSON.stringify({ email: 'ada@example.com', password: 'correct horse', displayName: 'Ada', isAdmin: true, roles: ['admin'] }),
    );
    expect(response.status).toBe(400);
    const problem = (await response.json()) as { code: string; errors: Array<{ path: string }> };
    expect(problem.code).toBe('VALIDATION_FAILED');
    expect(problem.errors.map((e) => e.path).sort()).toEqual(['isAdmin', 'roles']);
  });

  it('reports every invalid field at once, named by field', async () => {
    const response = await post('/api/v1/auth/register', JSON.stringify({ email: 'not-an-email', password: 'short', displayName: '   ' }));
    expect(response.status).toBe(400);
    const problem = (await response.json()) as { errors: Array<{ path: string; message: string }> };
    expect(problem.errors.map((e) => e.path).sort()).toEqual(['displayName', 'email', 'password']);
    expect(problem.errors.every((e) => e.message.length > 0)).toBe(true);
  });

  it('passes a valid, trimmed body to the service and answers 201', async () => {
    const response = await post(
      '/api/v1/auth/register',
      JSON.stringify({ email: 'ada@example.com', password: 'correct horse', displayName: '  Ada  ' }),
    );
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ userId: '0b7c2f1e-3d4a-4b5c-8d6e-7f8091a2b3c4' });
    expect(registered.at(-1)).toEqual({ email: 'ada@example.com', password: 'correct horse', displayName: 'Ada' });
  });

  it('allows listed CORS origins only', async () => {
    const preflight = (origin: string) =>
      fetch(`${gateway.url}/api/v1/projects`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
      });
    const allowed = await preflight('http://localhost:3000');
    expect(allowed.headers.get('access-control-allow-origin')).toBe('http://localhost:3000');
    expect(allowed.headers.get('access-control-allow-headers')).toContain('idempotency-key');
    expect(allowed.headers.get('access-control-allow-credentials')).toBeNull();
    const denied = await preflight('https://evil.example');
    expect(denied.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('logs one JSON line per request with the route pattern, never bodies or authorization', async () => {
    await post('/api/v1/auth/register', JSON.stringify({ email: 'bob@example.com', password: 'secret-password-1', displayName: 'Bob' }), {
      authorization: 'Bearer should-not-be-logged',
      'x-request-id': 'log-check-1',
    });
    const lines = gateway.logs.filter((line) => line['correlationId'] === 'log-check-1');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ method: 'POST', route: '/api/v1/auth/register', status: 201, msg: 'request' });
    expect(typeof lines[0]?.['ms']).toBe('number');
    const raw = gateway.rawLogs.join('\n');
    expect(raw).not.toContain('secret-password-1');
    expect(raw).not.toContain('should-not-be-logged');
  });
});
