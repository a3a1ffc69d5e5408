import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { GATEWAY_CONTROLLERS } from '../gateway.module.js';
import { endpointsOf, type RegisteredEndpoint } from '../http/endpoint.decorator.js';
import { startTestGateway, type TestGateway } from '../testing/gateway-harness.js';
import { renderDocsPage } from './docs-page.js';
import { buildOpenApiDocument } from './openapi-document.js';

const endpoints = endpointsOf(GATEWAY_CONTROLLERS);
const document = buildOpenApiDocument(endpoints);

describe('OpenAPI document', () => {
  it('is OpenAPI 3.1 with the platform title and a bearer scheme', () => {
    expect(document.openapi.startsWith('3.1')).toBe(true);
    expect(document.info.title).toBe('Mega Solution Platform API');
    expect(document.components.securitySchemes['bearer']).toMatchObject({ type: 'http', scheme: 'bearer' });
  });

  it('contains every registered endpoint, including the contract paths', () => {
    expect(endpoints.length).toBeGreaterThanOrEqual(15);
    for (const endpoint of endpoints) {
      const operation = document.paths[endpoint.path]?.[endpoint.method.toLowerCase()];
      expect(operation, `${endpoint.method} ${endpoint.path}`).toBeDefined();
      expect(operation?.operationId).toBe(endpoint.operationId);
      expect(Object.keys(operation?.responses ?? {})).toContain(String(endpoint.status));
    }
    const listed = endpoints.map((e) => `${e.method} ${e.path}`);
    for (const required of [
      'POST /api/v1/auth/register',
      'POST /api/v1/auth/verify-email',
      'POST /api/v1/auth/login',
      'POST /api/v1/auth/refresh',
      'POST /api/v1/auth/logout',
      'POST /api/v1/auth/mfa/verify',
      'POST /api/v1/auth/password/forgot',
      'POST /api/v1/auth/password/reset',
      'POST /api/v1/auth/password/change',
      'GET /api/v1/auth/sessions',
      'DELETE /api/v1/auth/sessions',
      'DELETE /api/v1/auth/sessions/{id}',
      'POST /api/v1/auth/mfa/totp/enroll',
      'POST /api/v1/auth/mfa/totp/confirm',
      'DELETE /api/v1/auth/mfa/totp',
      'POST /api/v1/admin/users/{id}/suspend',
      'POST /api/v1/admin/users/{id}/unsuspend',
      'PUT /api/v1/admin/users/{id}/roles',
      'POST /api/v1/admin/users/{id}/logout',
      'POST /api/v1/admin/signing-keys/rotate',
      'GET /.well-known/jwks.json',
      'GET /api/v1/me',
      'GET /api/v1/projects',
      'POST /api/v1/projects',
      'GET /api/v1/projects/{projectId}',
      'GET /api/v1/admin/emails',
      'POST /api/v1/admin/emails/{id}/resend',
      'GET /api/v1/admin/dead-letters',
      'POST /api/v1/admin/dead-letters/{id}/redrive',
      'GET /api/v1/notifications',
      'POST /api/v1/notifications/{id}/read',
      'POST /api/v1/unsubscribe',
      'PATCH /api/v1/me',
      'DELETE /api/v1/me',
      'GET /api/v1/me/notification-preferences',
      'PUT /api/v1/me/notification-preferences',
      'GET /api/v1/me/export',
      'GET /api/v1/admin/users',
      'GET /api/v1/admin/users/{id}',
      'PATCH /api/v1/projects/{projectId}',
      'DELETE /api/v1/projects/{projectId}',
      'GET /api/v1/projects/{projectId}/members',
      'PATCH /api/v1/projects/{projectId}/members/{userId}',
      'DELETE /api/v1/projects/{projectId}/members/{userId}',
      'POST /api/v1/projects/{projectId}/invitations',
      'POST /api/v1/invitations/accept',
      'GET /api/v1/projects/{projectId}/tasks',
      'POST /api/v1/projects/{projectId}/tasks',
      'GET /api/v1/projects/{projectId}/tasks/{taskId}',
      'PATCH /api/v1/projects/{projectId}/tasks/{taskId}',
      'DELETE /api/v1/projects/{projectId}/tasks/{taskId}',
      'GET /api/v1/projects/{projectId}/tasks/{taskId}/comments',
      'POST /api/v1/projects/{projectId}/tasks/{taskId}/comments',
      'GET /api/v1/projects/{projectId}/activity',
      'GET /health/live',
      'GET /health/ready',
      'GET /api/openapi.json',
      'GET /api/docs',
    ]) {
      expect(listed).toContain(required);
    }
  });

  it('has unique operation ids', () => {
    const ids = endpoints.map((e) => e.operationId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('documents bodies, parameters, security and problem responses from the same schemas', () => {
    const register = document.paths['/api/v1/auth/register']?.['post'];
    const body = register?.requestBody?.content['application/json']?.schema as {
      properties: Record<string, unknown>;
      additionalProperties: boolean;
    };
    expect(Object.keys(body.properties)).toEqual(['email', 'password', 'displayName']);
    expect(body.additionalProperties).toBe(false);
    expect(register?.security).toEqual([]);
    expect(register?.responses['409']).toMatchObject({
      'x-error-codes': ['EMAIL_TAKEN'],
      content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
    });

    const getProject = document.paths['/api/v1/projects/{projectId}']?.['get'];
    expect(getProject?.parameters).toEqual([
      { name: 'projectId', in: 'path', required: true, schema: expect.objectContaining({ format: 'uuid' }) },
    ]);
    expect(getProject?.security).toEqual([{ bearer: [] }]);
    expect(Object.keys(getProject?.responses ?? {})).toEqual(expect.arrayContaining(['200', '401', '404']));

    const list = document.paths['/api/v1/projects']?.['get'];
    expect(list?.parameters?.map((p) => [p.name, p.in, p.required])).toEqual([
      ['limit', 'query', false],
      ['cursor', 'query', false],
    ]);
    expect(document.paths['/api/v1/admin/emails']?.['get']?.responses['403']).toBeDefined();
  });

  it('documents the one-click unsubscribe body as optional, in JSON or as a form', () => {
    const unsubscribe = document.paths['/api/v1/unsubscribe']?.['post'];
    expect(unsubscribe?.requestBody?.required).toBe(false);
    expect(Object.keys(unsubscribe?.requestBody?.content ?? {})).toEqual([
      'application/json',
      'application/x-www-form-urlencoded',
      'multipart/form-data',
    ]);
    expect(unsubscribe?.requestBody?.content['multipart/form-data']?.schema).toMatchObject({
      properties: { 'List-Unsubscribe': { const: 'One-Click' } },
    });
    // Every other body stays JSON only, and required.
    expect(document.paths['/api/v1/auth/verify-email']?.['post']?.requestBody).toMatchObject({ required: true });
    expect(Object.keys(document.paths['/api/v1/auth/verify-email']?.['post']?.requestBody?.content ?? {})).toEqual(['application/json']);
  });

  it('documents 429 with Retry-After on every operation, and a budget group on every auth route', () => {
    for (const endpoint of endpoints) expect(endpoint.errors, `${endpoint.method} ${endpoint.path}`).toContain(429);
    expect(document.components.responses['Problem429']?.headers).toMatchObject({ 'Retry-After': { schema: { type: 'integer' } } });
    const authRoutes = endpoints.filter((e) => e.tag === 'Auth' || /^\/api\/v1\/admin\/(users|signing-keys)\//.test(e.path));
    expect(authRoutes.length).toBeGreaterThanOrEqual(21);
    for (const endpoint of authRoutes) expect(endpoint.rateLimit, `${endpoint.method} ${endpoint.path}`).toBeDefined();
  });

  it('documents If-Match and Idempotency-Key as header parameters, with the codes they can cause', () => {
    const patchTask = document.paths['/api/v1/projects/{projectId}/tasks/{taskId}']?.['patch'];
    expect(patchTask?.parameters?.find((p) => p.in === 'header')).toMatchObject({ name: 'If-Match', required: false });
    expect(patchTask?.responses['428']).toMatchObject({ 'x-error-codes': ['PRECONDITION_REQUIRED'] });
    expect(patchTask?.responses['409']).toMatchObject({ 'x-error-codes': ['VERSION_CONFLICT', 'PROJECT_ARCHIVED'] });

    const creates = endpoints.filter((e) => e.method === 'POST' && /\/(projects|tasks|invitations|comments)$/.test(e.path));
    expect(creates.map((e) => e.path).sort()).toEqual([
      '/api/v1/projects',
      '/api/v1/projects/{projectId}/invitations',
      '/api/v1/projects/{projectId}/tasks',
      '/api/v1/projects/{projectId}/tasks/{taskId}/comments',
    ]);
    for (const create of creates) {
      const operation = document.paths[create.path]?.['post'];
      expect(create.idempotent, create.path).toBe(true);
      expect(operation?.parameters?.find((p) => p.in === 'header')).toMatchObject({ name: 'Idempotency-Key', required: false });
      expect(operation?.responses['422']).toMatchObject({ 'x-error-codes': expect.arrayContaining(['IDEMPOTENCY_KEY_REUSED']) });
    }
  });

  it('documents the login answer as tokens or an MFA challenge', () => {
    const login = document.paths['/api/v1/auth/login']?.['post']?.responses['200'];
    const schema = (login as unknown as { content: Record<string, { schema: { anyOf: Array<{ required: string[] }> } }> }).content[
      'application/json'
    ]?.schema;
    expect(schema?.anyOf.map((option) => option.required)).toEqual([
      ['accessToken', 'refreshToken', 'tokenType', 'expiresIn'],
      ['mfaRequired', 'mfaToken'],
    ]);
  });

  it('resolves every problem reference to the shared Problem schema', () => {
    for (const methods of Object.values(document.paths)) {
      for (const operation of Object.values(methods)) {
        for (const response of Object.values(operation.responses)) {
          if (!('$ref' in response)) continue;
          const name = response.$ref.replace('#/components/responses/', '');
          expect(document.components.responses[name]?.content['application/problem+json']?.schema).toEqual({
            $ref: '#/components/schemas/Problem',
          });
        }
      }
    }
    expect(document.components.schemas['Problem']).toMatchObject({ required: expect.arrayContaining(['type', 'code', 'correlationId']) });
  });

  it('escapes everything it renders into the docs page', () => {
    const hostile: RegisteredEndpoint = {
      method: 'GET',
      path: '/x/<script>',
      summary: '<img src=x onerror=alert(1)>',
      tag: '"><b>tag',
      auth: 'public',
      status: 200,
      response: z.object({ '<b>': z.string() }),
      errors: [500],
      operationId: 'hostile',
    };
    const page = renderDocsPage(buildOpenApiDocument([hostile]));
    expect(page).not.toContain('<script>');
    expect(page).not.toContain('<img');
    expect(page).not.toContain('<b>');
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
});

describe('served documentation', () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await startTestGateway({});
  });
  afterAll(() => gateway.close());

  it('serves the document and a self-contained HTML page', async () => {
    const json = await fetch(`${gateway.url}/api/openapi.json`);
    expect(json.status).toBe(200);
    expect(await json.json()).toEqual(JSON.parse(JSON.stringify(document)));

    const html = await fetch(`${gateway.url}/api/docs`);
    expect(html.status).toBe(200);
    expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const page = await html.text();
    expect(page).toContain('Mega Solution Platform API');
    expect(page).toContain('/api/v1/projects/{projectId}');
    expect(page).not.toMatch(/<script|https?:\/\/(?!msp\.dev)/);
  });
});
