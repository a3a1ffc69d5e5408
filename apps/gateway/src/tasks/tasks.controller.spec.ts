import type { projectV1 } from '@msp/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCaller, problemPaths, testIdentities, type CallApi } from '../testing/api-caller.js';
import { startTestGateway, type TestGateway } from '../testing/gateway-harness.js';
import { MEMBER_ID, PROJECT_ID, recorder, serviceError, TASK_ID, task, taskJson, UNKNOWN_ID } from '../testing/project-fixtures.js';

describe('tasks (real gateway, fake project service)', () => {
  let gateway: TestGateway;
  let call: CallApi;
  const calls: Array<[string, unknown]> = [];
  const record = recorder(calls);

  beforeAll(async () => {
    const identities = await testIdentities();
    gateway = await startTestGateway({
      auth: { getJwks: identities.getJwks },
      project: {
        listTasks: record('listTasks', () => ({ items: [task], nextCursor: '' })),
        createTask: record('createTask', (request: projectV1.CreateTaskRequest) => ({
          task: { ...task, title: request.title ?? '', assigneeId: request.assigneeId ?? '', dueDate: request.dueDate ?? '', version: 1 },
        })),
        getTask: record('getTask', (request: projectV1.GetTaskRequest) => {
          if (request.taskId !== TASK_ID) throw serviceError(5, 'TASK_NOT_FOUND');
          return { task };
        }),
        // Like the service: only the current version (3) may be changed, and a change bumps it.
        updateTask: record('updateTask', (request: projectV1.UpdateTaskRequest) => {
          if (request.expectedVersion !== task.version) throw serviceError(10, 'VERSION_CONFLICT', 'The task changed since you read it.');
          return { task: { ...task, title: request.title ?? task.title, version: task.version + 1 } };
        }),
        deleteTask: record('deleteTask', () => ({})),
      },
    });
    call = apiCaller(gateway, identities.customer);
  });
  afterAll(() => gateway.close());

  const tasks = `/api/v1/projects/${PROJECT_ID}/tasks`;
  const oneTask = `${tasks}/${TASK_ID}`;

  it('lists tasks with the filters passed on', async () => {
    const answer = await call('GET', `${tasks}?status=in_progress&assigneeId=${MEMBER_ID}&q=login&limit=5&cursor=c1`);
    expect(answer).toMatchObject({ status: 200, body: { items: [taskJson], nextCursor: null } });
    expect(calls.at(-1)).toEqual([
      'listTasks',
      { projectId: PROJECT_ID, status: 'in_progress', assigneeId: MEMBER_ID, q: 'login', limit: 5, cursor: 'c1' },
    ]);
    await call('GET', tasks);
    expect(calls.at(-1)).toEqual(['listTasks', { projectId: PROJECT_ID, status: '', assigneeId: '', q: '', limit: 20, cursor: '' }]);
  });

  it('refuses unknown filter values', async () => {
    expect(problemPaths(await call('GET', `${tasks}?status=open&assigneeId=me&priority=high`))).toEqual([
      'assigneeId',
      'priority',
      'status',
    ]);
  });

  it('creates a task, leaving defaults to the service, and answers 201 with its ETag', async () => {
    const answer = await call('POST', tasks, { body: { title: '  Fix the login page ' } });
    expect(answer.status).toBe(201);
    expect(answer.body).toEqual({ ...taskJson, version: 1 });
    expect(answer.headers.get('etag')).toBe('"1"');
    expect(calls.at(-1)).toEqual([
      'createTask',
      {
        projectId: PROJECT_ID,
        title: 'Fix the login page',
        description: '',
        status: '',
        priority: '',
        assigneeId: '',
        dueDate: '',
        labels: [],
      },
    ]);
  });

  it('passes every field of a full create on', async () => {
    const body = {
      title: 'T',
      description: '# md',
      status: 'todo',
      priority: 'urgent',
      assigneeId: MEMBER_ID,
      dueDate: '2024-02-29',
      labels: ['ui'],
    };
    const answer = await call('POST', tasks, { body });
    expect(answer.body).toMatchObject({ assigneeId: MEMBER_ID, dueDate: '2024-02-29' });
    expect(calls.at(-1)).toEqual(['createTask', { projectId: PROJECT_ID, ...body }]);
  });

  it('lists every invalid field of a create', async () => {
    const answer = await call('POST', tasks, {
      body: {
        title: 'x'.repeat(201),
        status: 'open',
        priority: 'critical',
        assigneeId: 'bob',
        dueDate: '2023-02-29',
        labels: ['ok', ''],
        estimate: 3,
      },
    });
    expect(answer.status).toBe(400);
    expect(problemPaths(answer)).toEqual(['assigneeId', 'dueDate', 'estimate', 'labels.1', 'priority', 'status', 'title']);
    expect(problemPaths(await call('POST', tasks, { body: {} }))).toEqual(['title']);
  });

  it('reads one task with its version as the ETag; unknown and malformed ids are 404', async () => {
    const answer = await call('GET', oneTask);
    expect(answer).toMatchObject({ status: 200, body: taskJson });
    expect(answer.headers.get('etag')).toBe('"3"');
    expect(await call('GET', `${tasks}/${UNKNOWN_ID}`)).toMatchObject({ status: 404, body: { code: 'TASK_NOT_FOUND' } });
    expect((await call('GET', `${tasks}/WEB-42`)).status).toBe(404);
  });

  it('refuses a change without a version: 428 PRECONDITION_REQUIRED, no call', async () => {
    const before = calls.length;
    const answer = await call('PATCH', oneTask, { body: { title: 'New' } });
    expect(answer).toMatchObject({ status: 428, body: { code: 'PRECONDITION_REQUIRED' } });
    expect(calls).toHaveLength(before);
  });

  it('takes the version from a quoted or bare If-Match, or from the body, and answers the new ETag', async () => {
    for (const options of [{ headers: { 'if-match': '"3"' } }, { headers: { 'if-match': '3' } }, { body: { title: 'New', version: 3 } }]) {
      const answer = await call('PATCH', oneTask, { body: { title: 'New' }, ...options });
      expect(answer.status, JSON.stringify(options)).toBe(200);
      expect(answer.body).toMatchObject({ title: 'New', version: 4 });
      expect(answer.headers.get('etag')).toBe('"4"');
      expect(calls.at(-1)?.[1]).toMatchObject({ projectId: PROJECT_ID, taskId: TASK_ID, expectedVersion: 3, title: 'New' });
    }
  });

  it('answers a stale version with 409 VERSION_CONFLICT', async () => {
    const answer = await call('PATCH', oneTask, { body: { title: 'Late' }, headers: { 'if-match': '"2"' } });
    expect(answer).toMatchObject({ status: 409, body: { code: 'VERSION_CONFLICT' } });
  });

  it('refuses weak, wildcard and contradicting versions', async () => {
    for (const ifMatch of ['W/"3"', '*', '"3', 'three']) {
      const answer = await call('PATCH', oneTask, { body: { title: 'X' }, headers: { 'if-match': ifMatch } });
      expect(answer.status, ifMatch).toBe(400);
      expect(problemPaths(answer)).toEqual(['if-match']);
    }
    const both = await call('PATCH', oneTask, { body: { title: 'X', version: 2 }, headers: { 'if-match': '"3"' } });
    expect(problemPaths(both)).toEqual(['version']);
  });

  it('unassigns and clears with null, replaces labels, and leaves unsent fields unset', async () => {
    await call('PATCH', oneTask, { body: { assigneeId: null, dueDate: null, labels: [] }, headers: { 'if-match': '"3"' } });
    expect(calls.at(-1)).toEqual([
      'updateTask',
      { projectId: PROJECT_ID, taskId: TASK_ID, expectedVersion: 3, assigneeId: '', dueDate: '', labels: { values: [] } },
    ]);
    const fields = (calls.at(-1)?.[1] ?? {}) as Record<string, unknown>;
    expect(
      Object.entries(fields)
        .filter(([, value]) => value !== undefined)
        .map(([name]) => name)
        .sort(),
    ).toEqual(['assigneeId', 'dueDate', 'expectedVersion', 'labels', 'projectId', 'taskId']);
  });

  it('rejects bad changes field by field', async () => {
    const answer = await call('PATCH', oneTask, {
      body: { title: '', status: 'closed', dueDate: '31/12/2024', version: -1, number: 7 },
      headers: { 'if-match': '"3"' },
    });
    expect(problemPaths(answer)).toEqual(['dueDate', 'number', 'status', 'title', 'version']);
  });

  it('deletes a task with 204', async () => {
    expect((await call('DELETE', oneTask)).status).toBe(204);
    expect(calls.at(-1)).toEqual(['deleteTask', { projectId: PROJECT_ID, taskId: TASK_ID }]);
  });
});
