import type { projectV1 } from '@msp/contracts';
import { currentContext, type RequestContext } from '@msp/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCaller, CUSTOMER_ID, testIdentities, type CallApi } from '../testing/api-caller.js';
import { startTestGateway, type TestGateway } from '../testing/gateway-harness.js';
import { PROJECT_ID, project, projectJson, serviceError, task } from '../testing/project-fixtures.js';
import { Endpoint } from './endpoint.decorator.js';
import { canonicalJson } from './idempotency.interceptor.js';

describe('Idempotency-Key on creates (real gateway, fake project service)', () => {
  let gateway: TestGateway;
  let call: CallApi;
  let otherCustomer: string;
  const created: projectV1.CreateProjectRequest[] = [];
  let createdTasks = 0;
  let holdCreate: Promise<void> | undefined;
  const contexts: Array<RequestContext | undefined> = [];

  beforeAll(async () => {
    const identities = await testIdentities();
    otherCustomer = identities.otherCustomer;
    gateway = await startTestGateway({
      auth: { getJwks: identities.getJwks },
      project: {
        createProject: async (request) => {
          created.push(request as projectV1.CreateProjectRequest);
          contexts.push(currentContext());
          await holdCreate;
          if (request.key === 'TAKEN') throw serviceError(6, 'PROJECT_KEY_TAKEN');
          // Each create answers a new id, so a replay is told apart from a second create.
          return { project: { ...project, id: crypto.randomUUID(), name: request.name ?? '', key: request.key ?? '' } };
        },
        createTask: async () => ({ task: { ...task, version: 1 + createdTasks++ } }),
      },
    });
    call = apiCaller(gateway, identities.customer);
  });
  afterAll(() => gateway.close());

  const createProject = (key: string, body: Record<string, unknown>, token?: string) =>
    call('POST', '/api/v1/projects', { body, headers: { 'idempotency-key': key }, ...(token ? { token } : {}) });

  it('answers a repeat with the first response (status and body) and calls the service once', async () => {
    const before = created.length;
    const first = await createProject('key-same', { name: 'Apollo', key: 'APO' });
    const repeat = await createProject('key-same', { key: 'APO', name: 'Apollo' });
    expect(first.status).toBe(201);
    expect(repeat.status).toBe(201);
    expect(repeat.body).toEqual(first.body);
    expect(first.body).toMatchObject({ ...projectJson, id: expect.any(String), name: 'Apollo', key: 'APO' });
    expect(repeat.headers.get('idempotent-replayed')).toBe('true');
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect(created.length - before).toBe(1);
    // The service still learns who calls: the key handling runs inside the request's context.
    expect(contexts.at(-1)).toMatchObject({ correlationId: expect.any(String), caller: { userId: CUSTOMER_ID } });
  });

  it('answers the same key with another body 422 IDEMPOTENCY_KEY_REUSED, without a call', async () => {
    await createProject('key-reused', { name: 'Apollo', key: 'APO' });
    const before = created.length;
    const reused = await createProject('key-reused', { name: 'Apollo', key: 'APX' });
    expect(reused).toMatchObject({ status: 422, body: { code: 'IDEMPOTENCY_KEY_REUSED' } });
    expect(created).toHaveLength(before);
  });

  it('runs requests without a key, or with different keys, every time', async () => {
    const before = created.length;
    await call('POST', '/api/v1/projects', { body: { name: 'A', key: 'AAA' } });
    await call('POST', '/api/v1/projects', { body: { name: 'A', key: 'AAA' } });
    await createProject('key-1', { name: 'A', key: 'AAA' });
    await createProject('key-2', { name: 'A', key: 'AAA' });
    expect(created.length - before).toBe(4);
  });

  it("scopes keys to the caller: another user's same key is a new request", async () => {
    const mine = await createProject('key-shared', { name: 'Mine', key: 'MINE' });
    const theirs = await createProject('key-shared', { name: 'Mine', key: 'MINE' }, otherCustomer);
    expect(theirs.status).toBe(201);
    expect(theirs.headers.get('idempotent-replayed')).toBeNull();
    expect((theirs.body as { id: string }).id).not.toBe((mine.body as { id: string }).id);
  });

  it('records no failure: a retry after a refused create runs again', async () => {
    const before = created.length;
    expect(await createProject('key-taken', { name: 'X', key: 'TAKEN' })).toMatchObject({
      status: 409,
      body: { code: 'PROJECT_KEY_TAKEN' },
    });
    expect((await createProject('key-taken', { name: 'X', key: 'TAKEN' })).status).toBe(409);
    expect(created.length - before).toBe(2);
    // Invalid input never reaches the service, and does not hold the key either.
    expect((await createProject('key-invalid', { name: 'X', key: 'lower' })).status).toBe(400);
    expect((await createProject('key-invalid', { name: 'X', key: 'VALID' })).status).toBe(201);
  });

  it('answers 409 IDEMPOTENCY_KEY_IN_USE while the first request with the key still runs', async () => {
    let finish!: () => void;
    holdCreate = new Promise((resolve) => (finish = resolve));
    const first = createProject('key-slow', { name: 'Slow', key: 'SLOW' });
    await waitUntil(() => created.some((request) => request.key === 'SLOW'));
    const concurrent = await createProject('key-slow', { name: 'Slow', key: 'SLOW' });
    expect(concurrent).toMatchObject({ status: 409, body: { code: 'IDEMPOTENCY_KEY_IN_USE' } });
    expect(concurrent.headers.get('retry-after')).toBe('1');
    finish();
    holdCreate = undefined;
    expect((await first).status).toBe(201);
    expect((await createProject('key-slow', { name: 'Slow', key: 'SLOW' })).headers.get('idempotent-replayed')).toBe('true');
  });

  it('replays the ETag of a created task, and refuses a malformed key', async () => {
    const tasks = `/api/v1/projects/${PROJECT_ID}/tasks`;
    const first = await call('POST', tasks, { body: { title: 'T' }, headers: { 'idempotency-key': 'task-key' } });
    const repeat = await call('POST', tasks, { body: { title: 'T' }, headers: { 'idempotency-key': 'task-key' } });
    expect(createdTasks).toBe(1);
    expect(repeat.headers.get('etag')).toBe(first.headers.get('etag'));
    const malformed = await call('POST', tasks, { body: { title: 'T' }, headers: { 'idempotency-key': 'x'.repeat(256) } });
    expect(malformed).toMatchObject({ status: 400, body: { errors: [{ path: 'Idempotency-Key' }] } });
  });

  it('cannot be declared on a public endpoint, which has no caller to scope keys to', () => {
    const declare = Endpoint({
      method: 'POST',
      path: '/x',
      summary: 'x',
      tag: 'x',
      auth: 'public',
      status: 201,
      idempotent: true,
      errors: [],
    });
    expect(() => declare({}, 'create', { value: () => undefined })).toThrow(/scoped to a caller/);
  });

  it('compares bodies whatever the order of their fields', () => {
    expect(canonicalJson({ b: [1, { d: 1, c: null }], a: 'x', skipped: undefined })).toBe('{"a":"x","b":[1,{"c":null,"d":1}]}');
  });
});

async function waitUntil(condition: () => boolean): Promise<void> {
  for (let attempt = 0; attempt < 200 && !condition(); attempt++) await new Promise((resolve) => setTimeout(resolve, 5));
  if (!condition()) throw new Error('condition not met in time');
}
