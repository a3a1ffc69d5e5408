import { randomUUID } from 'node:crypto';
import type { PGlite } from '@electric-sql/pglite';
import { projectV1 } from '@msp/contracts';
import { createEnvelope, type Envelope } from '@msp/events';
import {
  connectService,
  MemoryCache,
  MemoryEventBus,
  openEmbeddedEngine,
  RemoteCallError,
  runWithContext,
  type Caller,
  type RunningService,
  type ServiceConnection,
} from '@msp/platform';
import { Status } from 'nice-grpc';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProjectConfig } from './config.js';
import { startProjectService } from './project-service.js';

/**
 * The project service as the embedded launcher starts it (PGlite, in-memory cache and bus), called over
 * gRPC on loopback: the wiring of the RPCs, the caller from metadata, statuses with their error codes
 * and field trailers, the consumer's subscription and the outbox relay.
 */
describe('project service over gRPC', () => {
  let engine: PGlite;
  const cache = new MemoryCache();
  const bus = new MemoryEventBus({ retryDelaysMs: [] });
  const published: Envelope[] = [];
  let service: RunningService;
  let connection: ServiceConnection<typeof projectV1.ProjectServiceDefinition>;

  beforeAll(async () => {
    engine = await openEmbeddedEngine('memory://');
    await bus.subscribe({ queue: 'test-observer', events: ['project.#', 'task.#'], handler: async (event) => void published.push(event) });
    service = await startProjectService(loadProjectConfig({ PROJECT_GRPC_PORT: '0', LOG_LEVEL: 'silent' }), { pglite: engine, cache, bus });
    connection = connectService(projectV1.ProjectServiceDefinition, `127.0.0.1:${service.grpcPort}`, { deadlineMs: 10_000 });
  });
  afterAll(async () => {
    connection?.close();
    await service?.stop();
    await cache.close();
    await engine?.close();
  });

  const as = <T>(caller: Caller | undefined, call: () => Promise<T>) =>
    runWithContext({ correlationId: randomUUID(), ...(caller ? { caller } : {}) }, call);
  const client = () => connection.client;

  /** Signs someone up the way the platform does: auth's event reaches the project queue. */
  async function signUp(displayName: string): Promise<Caller & { email: string }> {
    const userId = randomUUID();
    const email = `${displayName.toLowerCase()}-${userId.slice(0, 8)}@example.test`;
    await bus.publish(
      createEnvelope({ type: 'auth.user.registered.v1', source: 'auth', data: { userId, email, displayName, locale: 'en' } }),
    );
    return { userId, sessionId: randomUUID(), roles: ['customer'], email };
  }

  async function failure(call: Promise<unknown>): Promise<RemoteCallError> {
    const error = await call.then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(RemoteCallError);
    return error as RemoteCallError;
  }

  const newKey = () => `G${randomUUID().replaceAll('-', '').slice(0, 6).toUpperCase()}`;

  it('runs a project’s life over gRPC: create, invite, accept, tasks, comments, activity', async () => {
    const ada = await signUp('Ada');
    const lin = await signUp('Lin');
    const key = newKey();
    const { project } = await as(ada, () => client().createProject({ name: 'Apollo', key, description: '' }));

    const { invitation } = await as(ada, () => client().createInvitation({ projectId: project!.id, email: lin.email, role: 'member' }));
    await expect.poll(() => published.find((event) => event.type === 'project.member.invited.v1')).toBeDefined();
    const invited = published.find((event) => event.type === 'project.member.invited.v1') as Envelope<'project.member.invited.v1'>;
    expect(invited.data).toMatchObject({ invitationId: invitation!.id, email: lin.email, inviterName: 'Ada', projectKey: key });
    const joined = await as(lin, () => client().acceptInvitation({ token: invited.data.token }));
    expect(joined.project).toMatchObject({ id: project!.id, role: 'member' });

    const members = await as(lin, () => client().listMembers({ projectId: project!.id }));
    expect(members.items.map(({ displayName, email, role }) => ({ displayName, email, role }))).toEqual([
      { displayName: 'Ada', email: ada.email, role: 'owner' },
      { displayName: 'Lin', email: lin.email, role: 'member' },
    ]);

    const { task } = await as(lin, () =>
      client().createTask({
        projectId: project!.id,
        title: 'Launch',
        description: '',
        status: '',
        priority: 'high',
        assigneeId: ada.userId,
        dueDate: '',
        labels: ['go'],
      }),
    );
    expect(task).toMatchObject({
      key: `${key}-1`,
      status: 'todo',
      priority: 'high',
      assigneeId: ada.userId,
      dueDate: '',
      labels: ['go'],
      version: 1,
    });

    const updated = await as(ada, () =>
      client().updateTask({ projectId: project!.id, taskId: task!.id, expectedVersion: 1, status: 'done', labels: { values: [] } }),
    );
    expect(updated.task).toMatchObject({ status: 'done', labels: [], version: 2 });
    const stale = await failure(
      as(lin, () => client().updateTask({ projectId: project!.id, taskId: task!.id, expectedVersion: 1, title: 'x' })),
    );
    expect([stale.status, stale.code]).toEqual([Status.ABORTED, 'VERSION_CONFLICT']);

    await as(lin, () => client().createComment({ projectId: project!.id, taskId: task!.id, body: 'Done!' }));
    const comments = await as(ada, () => client().listComments({ projectId: project!.id, taskId: task!.id, limit: 10, cursor: '' }));
    expect(comments.items).toMatchObject([{ body: 'Done!', authorId: lin.userId }]);

    const activity = await as(ada, () => client().listActivity({ projectId: project!.id, limit: 100, cursor: '' }));
    expect(activity.items.map((entry) => entry.action)).toEqual(
      expect.arrayContaining([
        'project.created',
        'member.invited',
        'member.joined',
        'task.created',
        'task.status_changed',
        'task.commented',
      ]),
    );
    expect(JSON.parse(activity.items.find((entry) => entry.action === 'task.status_changed')!.dataJson)).toEqual({
      from: 'todo',
      to: 'done',
    });
    await expect
      .poll(() =>
        published
          .filter((event) => event.subject === task!.id)
          .map((event) => event.type)
          .sort(),
      )
      .toEqual(['task.assigned.v1', 'task.commented.v1', 'task.created.v1', 'task.status_changed.v1', 'task.updated.v1'].sort());
  });

  it('answers with the status and code of each rule, never INTERNAL', async () => {
    const owner = await signUp('Owner');
    const outsider = await signUp('Outsider');
    const { project } = await as(owner, () => client().createProject({ name: 'Gemini', key: newKey(), description: '' }));
    const projectId = project!.id;

    const cases: Array<[Promise<unknown>, Status, string]> = [
      [as(outsider, () => client().getProject({ projectId })), Status.NOT_FOUND, 'PROJECT_NOT_FOUND'],
      [
        as(outsider, () => client().listTasks({ projectId, status: '', assigneeId: '', q: '', limit: 10, cursor: '' })),
        Status.NOT_FOUND,
        'PROJECT_NOT_FOUND',
      ],
      [as(owner, () => client().getProject({ projectId: 'not-a-uuid' })), Status.NOT_FOUND, 'PROJECT_NOT_FOUND'],
      [as(undefined, () => client().listMembers({ projectId })), Status.UNAUTHENTICATED, 'UNAUTHENTICATED'],
      [as(owner, () => client().removeMember({ projectId, userId: owner.userId })), Status.FAILED_PRECONDITION, 'LAST_OWNER'],
      [
        as(owner, () => client().createInvitation({ projectId, email: owner.email, role: 'admin' })),
        Status.ALREADY_EXISTS,
        'ALREADY_MEMBER',
      ],
      [as(owner, () => client().getTask({ projectId, taskId: randomUUID() })), Status.NOT_FOUND, 'TASK_NOT_FOUND'],
      [as(owner, () => client().getUserStats({ userId: owner.userId })), Status.PERMISSION_DENIED, 'FORBIDDEN'],
      [as(owner, () => client().acceptInvitation({ token: 'x'.repeat(43) })), Status.NOT_FOUND, 'INVITATION_NOT_FOUND'],
    ];
    for (const [call, status, code] of cases) {
      const error = await failure(call);
      expect([error.status, error.code]).toEqual([status, code]);
    }

    const invalid = await failure(
      as(owner, () =>
        client().createTask({
          projectId,
          title: '',
          description: '',
          status: 'doing',
          priority: '',
          assigneeId: '',
          dueDate: '',
          labels: [],
        }),
      ),
    );
    expect([invalid.status, invalid.code]).toEqual([Status.INVALID_ARGUMENT, 'VALIDATION_FAILED']);
    expect(invalid.fields.map((field) => field.path).sort()).toEqual(['status', 'title']);
  });

  it('exports the caller’s data and gives platform admins a user’s project count', async () => {
    const owner = await signUp('Exporter');
    await as(owner, () => client().createProject({ name: 'Mercury', key: newKey(), description: '' }));
    const admin = { ...(await signUp('Root')), roles: ['customer', 'admin'] };

    const exported = JSON.parse((await as(owner, () => client().exportUserData({}))).json);
    expect(exported.memberships).toMatchObject([{ projectName: 'Mercury', role: 'owner' }]);
    expect(await as(admin, () => client().getUserStats({ userId: owner.userId }))).toEqual({ projectsCount: 1 });
  });
});
