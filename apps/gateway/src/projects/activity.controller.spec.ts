import type { projectV1 } from '@msp/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCaller, CUSTOMER_ID, problemPaths, testIdentities, type CallApi } from '../testing/api-caller.js';
import { startTestGateway, type TestGateway } from '../testing/gateway-harness.js';
import { PROJECT_ID, recorder } from '../testing/project-fixtures.js';

const entry = (id: string, dataJson: string): projectV1.ActivityEntry => ({
  id,
  actorId: CUSTOMER_ID,
  action: 'task.status_changed',
  subject: 'WEB-42',
  dataJson,
  createdAt: new Date('2024-06-01T08:30:00Z'),
});

describe('project activity (real gateway, fake project service)', () => {
  let gateway: TestGateway;
  let call: CallApi;
  const calls: Array<[string, unknown]> = [];
  const record = recorder(calls);
  let items: projectV1.ActivityEntry[] = [];

  beforeAll(async () => {
    const identities = await testIdentities();
    gateway = await startTestGateway({
      auth: { getJwks: identities.getJwks },
      project: {
        listActivity: record('listActivity', (request: projectV1.ListActivityRequest) => ({
          items,
          nextCursor: request.cursor ? '' : 'older',
        })),
      },
    });
    call = apiCaller(gateway, identities.customer);
  });
  afterAll(() => gateway.close());

  it('answers entries with their data as a JSON object, and pages', async () => {
    items = [
      entry('0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', '{"from":"todo","to":"done"}'),
      entry('1a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', ''),
    ];
    const answer = await call('GET', `/api/v1/projects/${PROJECT_ID}/activity?limit=2`);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      items: [
        {
          id: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
          actorId: CUSTOMER_ID,
          action: 'task.status_changed',
          subject: 'WEB-42',
          data: { from: 'todo', to: 'done' },
          createdAt: '2024-06-01T08:30:00.000Z',
        },
        expect.objectContaining({ data: {} }),
      ],
      nextCursor: 'older',
    });
    expect(calls.at(-1)).toEqual(['listActivity', { projectId: PROJECT_ID, limit: 2, cursor: '' }]);
  });

  it('validates the page query', async () => {
    expect(problemPaths(await call('GET', `/api/v1/projects/${PROJECT_ID}/activity?limit=0&since=x`))).toEqual(['limit', 'since']);
  });

  it('treats data that is not a JSON object as a service fault', async () => {
    items = [entry('0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', '[1,2]')];
    expect(await call('GET', `/api/v1/projects/${PROJECT_ID}/activity`)).toMatchObject({ status: 500, body: { code: 'INTERNAL' } });
  });
});
