import type { projectV1 } from '@msp/contracts';
import { RemoteCallError } from '@msp/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueToken, jwksJsonOf, makeSigningKey, startTestGateway, type TestGateway } from '../testing/gateway-harness.js';

const PROJECT_ID = '3d594650-3436-4d4c-9f5a-3f1a1f8e2a10';
const project: projectV1.Project = {
  id: PROJECT_ID,
  name: 'Website',
  key: 'WEB',
  description: '',
  plan: 'free',
  role: 'owner',
  archived: false,
  createdAt: new Date('2024-06-01T08:30:00Z'),
};
const projectJson = { ...project, createdAt: '2024-06-01T08:30:00.000Z' };

describe('project and admin endpoints (real gateway, fake services)', () => {
  let gateway: TestGateway;
  let headers: Record<string, string>;
  let adminHeaders: Record<string, string>;
  const listed: unknown[] = [];
  const created: unknown[] = [];

  beforeAll(async () => {
    const key = await makeSigningKey('ES256');
    headers = { authorization: `Bearer ${await issueToken(key)}`, 'content-type': 'application/json' };
    adminHeaders = { authorization: `Bearer ${await issueToken(key, { roles: ['user', 'admin'] })}` };
    gateway = await startTestGateway({
      auth: { getJwks: async () => ({ jwksJson: jwksJsonOf(key) }) },
      project: {
        listProjects: async (request) => (listed.push(request), { items: [project], nextCursor: request.cursor ? '' : 'next-page' }),
        createProject: async (request) => {
          created.push(request);
          if (request.key === 'TAKEN')
            throw new RemoteCallError(6, 'This key is taken.', 'PROJECT_KEY_TAKEN', [{ path: 'key', message: 'taken' }], '/x');
          return { project: { ...project, name: request.name ?? '', key: request.key ?? '', description: request.description ?? '' } };
        },
        getProject: async (request) => {
          if (request.projectId !== PROJECT_ID) throw new RemoteCallError(5, 'Project not found.', 'PROJECT_NOT_FOUND', [], '/x');
          return { project };
        },
      },
      comms: {
        listEmailDeliveries: async () => ({
          items: [
            {
              id: 'a6c3f0b2-1111-4c1e-9a43-2b3c4d5e6f70',
              to: 'ada@example.com',
              template: 'verify-email',
              status: 'queued',
              attempts: 0,
              lastError: '',
              createdAt: new Date('2024-01-01T00:00:00Z'),
              sentAt: undefined,
            },
            {
              id: 'b6c3f0b2-2222-4c1e-9a43-2b3c4d5e6f70',
              to: 'bob@example.com',
              template: 'verify-email',
              status: 'sent',
              attempts: 2,
              lastError: '421 try later',
              createdAt: new Date('2024-01-01T00:00:00Z'),
              sentAt: new Date('2024-01-01T00:01:00Z'),
            },
          ],
          nextCursor: '',
        }),
      },
    });
  });
  afterAll(() => gateway.close());

  it('lists projects with the default limit and a null cursor on the last page', async () => {
    const first = await fetch(`${gateway.url}/api/v1/projects`, { headers });
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ items: [projectJson], nextCursor: 'next-page' });
    expect(listed.at(-1)).toEqual({ limit: 20, cursor: '' });

    const last = await fetch(`${gateway.url}/api/v1/projects?limit=5&cursor=next-page`, { headers });
    expect(await last.json()).toEqual({ items: [projectJson], nextCursor: null });
    expect(listed.at(-1)).toEqual({ limit: 5, cursor: 'next-page' });
  });

  it('rejects a limit above 100 and unknown query parameters', async () => {
    expect((await fetch(`${gateway.url}/api/v1/projects?limit=101`, { headers })).status).toBe(400);
    const unknown = await fetch(`${gateway.url}/api/v1/projects?sort=name`, { headers });
    expect(await unknown.json()).toMatchObject({ status: 400, errors: [{ path: 'sort', message: 'Unknown field' }] });
  });

  it('creates a project and answers 201 with it', async () => {
    const response = await fetch(`${gateway.url}/api/v1/projects`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ name: 'Apollo', key: 'APO1' }),
    });
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ ...projectJson, name: 'Apollo', key: 'APO1' });
    expect(created.at(-1)).toEqual({ name: 'Apollo', key: 'APO1', description: '' });
  });

  it('validates the key and passes the service conflict on with its fields', async () => {
    const bad = await fetch(`${gateway.url}/api/v1/projects`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ name: 'X', key: 'lower' }),
    });
    expect(await bad.json()).toMatchObject({ status: 400, errors: [{ path: 'key' }] });
    const taken = await fetch(`${gateway.url}/api/v1/projects`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ name: 'X', key: 'TAKEN' }),
    });
    expect(taken.status).toBe(409);
    expect(await taken.json()).toMatchObject({ code: 'PROJECT_KEY_TAKEN', errors: [{ path: 'key', message: 'taken' }] });
  });

  it('gets a project by id; a malformed or unknown id is 404', async () => {
    const found = await fetch(`${gateway.url}/api/v1/projects/${PROJECT_ID}`, { headers });
    expect(await found.json()).toEqual(projectJson);
    const malformed = await fetch(`${gateway.url}/api/v1/projects/not-a-uuid`, { headers });
    expect(malformed.status).toBe(404);
    expect(await malformed.json()).toMatchObject({ code: 'NOT_FOUND' });
    const unknown = await fetch(`${gateway.url}/api/v1/projects/9d594650-3436-4d4c-9f5a-3f1a1f8e2a10`, { headers });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ code: 'PROJECT_NOT_FOUND' });
  });

  it('needs a token for projects', async () => {
    expect((await fetch(`${gateway.url}/api/v1/projects`)).status).toBe(401);
  });

  it('maps the email delivery log with nulls for empty errors and unsent mail', async () => {
    const response = await fetch(`${gateway.url}/api/v1/admin/emails?limit=2`, { headers: adminHeaders });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      items: [
        {
          id: 'a6c3f0b2-1111-4c1e-9a43-2b3c4d5e6f70',
          to: 'ada@example.com',
          template: 'verify-email',
          status: 'queued',
          attempts: 0,
          lastError: null,
          createdAt: '2024-01-01T00:00:00.000Z',
          sentAt: null,
        },
        {
          id: 'b6c3f0b2-2222-4c1e-9a43-2b3c4d5e6f70',
          to: 'bob@example.com',
          template: 'verify-email',
          status: 'sent',
          attempts: 2,
          lastError: '421 try later',
          createdAt: '2024-01-01T00:00:00.000Z',
          sentAt: '2024-01-01T00:01:00.000Z',
        },
      ],
      nextCursor: null,
    });
  });
});
