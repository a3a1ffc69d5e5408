import { RemoteCallError } from '@msp/platform';
import type { projectV1 } from '@msp/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueToken, jwksJsonOf, makeSigningKey, startTestGateway, type TestGateway } from '../testing/gateway-harness.js';

const PROJECT_ID = '5d6e7f80-91a2-4b3c-8d4e-5f60718293a4';
const OWNER_ID = '3a4b5c6d-7e8f-4a1b-8c2d-3e4f5a6b7c8d';

const overview: projectV1.ProjectOverview = {
  id: PROJECT_ID,
  name: 'Apollo',
  key: 'APO',
  description: 'To the moon',
  plan: 'pro',
  archived: false,
  createdAt: new Date('2024-05-01T10:00:00Z'),
  ownerId: OWNER_ID,
  ownerDisplayName: 'Ada',
  ownerEmail: 'ada@example.com',
  membersCount: 3,
  tasksCount: 12,
};

const asJson = {
  id: PROJECT_ID,
  name: 'Apollo',
  key: 'APO',
  description: 'To the moon',
  plan: 'pro',
  archived: false,
  createdAt: '2024-05-01T10:00:00.000Z',
  owner: { id: OWNER_ID, displayName: 'Ada', email: 'ada@example.com' },
  membersCount: 3,
  tasksCount: 12,
};

describe('admin project directory (real gateway, fake project service)', () => {
  let gateway: TestGateway;
  let admin: string;
  let customer: string;
  const calls: Array<[string, unknown]> = [];

  beforeAll(async () => {
    const key = await makeSigningKey('EdDSA');
    admin = await issueToken(key, { roles: ['customer', 'admin'] });
    customer = await issueToken(key, { roles: ['customer'] });
    gateway = await startTestGateway({
      auth: { getJwks: async () => ({ jwksJson: jwksJsonOf(key) }) },
      project: {
        listAllProjects: async (request) => {
          calls.push(['list', request]);
          return {
            items: [overview, { ...overview, id: OWNER_ID, ownerId: '', ownerDisplayName: '', ownerEmail: '' }],
            nextCursor: 'next',
          };
        },
        getProjectOverview: async (request) => {
          calls.push(['get', request]);
          if (request.projectId !== PROJECT_ID) {
            throw new RemoteCallError(5, 'No such project.', 'PROJECT_NOT_FOUND', [], '/ProjectService/GetProjectOverview');
          }
          return { project: overview };
        },
      },
    });
  });
  afterAll(() => gateway.close());

  const get = (path: string, token = admin) => fetch(`${gateway.url}${path}`, { headers: { authorization: `Bearer ${token}` } });

  it('lists projects with the filters passed on, and no owner as null', async () => {
    const response = await get('/api/v1/admin/projects?q=%20apo%20&status=archived&plan=pro&limit=2&cursor=abc');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      items: [asJson, { ...asJson, id: OWNER_ID, owner: null }],
      nextCursor: 'next',
    });
    expect(calls.at(-1)).toEqual(['list', { q: 'apo', status: 'archived', plan: 'pro', limit: 2, cursor: 'abc' }]);
  });

  it('asks for everything with empty strings when there is no filter', async () => {
    expect((await get('/api/v1/admin/projects')).status).toBe(200);
    expect(calls.at(-1)).toEqual(['list', { q: '', status: '', plan: '', limit: 20, cursor: '' }]);
  });

  it('refuses unknown filters with the fields named', async () => {
    const response = await get('/api/v1/admin/projects?status=deleted&plan=gold&limit=0');
    expect(response.status).toBe(400);
    const problem = (await response.json()) as { code: string; errors: Array<{ path: string }> };
    expect(problem.code).toBe('VALIDATION_FAILED');
    expect(problem.errors.map((error) => error.path).sort()).toEqual(['limit', 'plan', 'status']);
  });

  it('shows one project, and 404 for an unknown or malformed id', async () => {
    const response = await get(`/api/v1/admin/projects/${PROJECT_ID}`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(asJson);

    const missing = await get(`/api/v1/admin/projects/${OWNER_ID}`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ code: 'PROJECT_NOT_FOUND' });
    expect((await get('/api/v1/admin/projects/42')).status).toBe(404);
  });

  it('refuses customers with 403 and anonymous callers with 401, before calling the service', async () => {
    const before = calls.length;
    for (const path of ['/api/v1/admin/projects', `/api/v1/admin/projects/${PROJECT_ID}`]) {
      expect((await get(path, customer)).status, path).toBe(403);
      expect((await fetch(`${gateway.url}${path}`)).status, path).toBe(401);
    }
    expect(calls).toHaveLength(before);
  });
});
