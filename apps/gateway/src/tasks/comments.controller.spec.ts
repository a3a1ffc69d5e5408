import type { projectV1 } from '@msp/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCaller, CUSTOMER_ID, problemPaths, testIdentities, type CallApi } from '../testing/api-caller.js';
import { startTestGateway, type TestGateway } from '../testing/gateway-harness.js';
import { PROJECT_ID, recorder, TASK_ID } from '../testing/project-fixtures.js';

const COMMENT_ID = '6c7d8e9f-0a1b-4c2d-8e3f-4a5b6c7d8e9f';
const comment = (body: string): projectV1.Comment => ({
  id: COMMENT_ID,
  taskId: TASK_ID,
  authorId: CUSTOMER_ID,
  body,
  createdAt: new Date('2024-06-01T08:30:00Z'),
});
const commentJson = { id: COMMENT_ID, authorId: CUSTOMER_ID, body: 'Looks good', createdAt: '2024-06-01T08:30:00.000Z' };

describe('task comments (real gateway, fake project service)', () => {
  let gateway: TestGateway;
  let call: CallApi;
  const calls: Array<[string, unknown]> = [];
  const record = recorder(calls);

  beforeAll(async () => {
    const identities = await testIdentities();
    gateway = await startTestGateway({
      auth: { getJwks: identities.getJwks },
      project: {
        listComments: record('listComments', () => ({ items: [comment('Looks good')], nextCursor: 'more' })),
        createComment: record('createComment', (request: projectV1.CreateCommentRequest) => ({ comment: comment(request.body ?? '') })),
      },
    });
    call = apiCaller(gateway, identities.customer);
  });
  afterAll(() => gateway.close());

  const comments = `/api/v1/projects/${PROJECT_ID}/tasks/${TASK_ID}/comments`;

  it('lists comments of a task, paged', async () => {
    const answer = await call('GET', `${comments}?limit=50&cursor=c`);
    expect(answer).toMatchObject({ status: 200, body: { items: [commentJson], nextCursor: 'more' } });
    expect(calls.at(-1)).toEqual(['listComments', { projectId: PROJECT_ID, taskId: TASK_ID, limit: 50, cursor: 'c' }]);
  });

  it('comments and answers 201 with the comment, keeping Markdown indentation', async () => {
    const answer = await call('POST', comments, { body: { body: 'Looks good' } });
    expect(answer).toMatchObject({ status: 201, body: commentJson });
    await call('POST', comments, { body: { body: '    code block' } });
    expect(calls.at(-1)).toEqual(['createComment', { projectId: PROJECT_ID, taskId: TASK_ID, body: '    code block' }]);
  });

  it('refuses blank, over-long and extra input', async () => {
    expect(problemPaths(await call('POST', comments, { body: { body: '  \n ' } }))).toEqual(['body']);
    expect(problemPaths(await call('POST', comments, { body: { body: 'x'.repeat(10_001) } }))).toEqual(['body']);
    expect(problemPaths(await call('POST', comments, { body: { body: 'ok', authorId: CUSTOMER_ID } }))).toEqual(['authorId']);
    expect((await call('POST', `/api/v1/projects/${PROJECT_ID}/tasks/42/comments`, { body: { body: 'ok' } })).status).toBe(404);
  });
});
