import { randomUUID } from 'node:crypto';
import { decodeCursor, encodeCursor, type Caller, type Db, type KeysetPosition } from '@msp/platform';
import { FakeUnitOfWork } from '@msp/testing';
import { describe, expect, it } from 'vitest';
import type { ProjectAccess } from '../access/project-access.js';
import type { ActivityRepository } from '../activity/activity.repository.js';
import type { MembersRepository } from '../members/members.repository.js';
import { ProjectError } from './projects.errors.js';
import type { ProjectsRepository, ProjectWithRole } from './projects.repository.js';
import { ProjectsService } from './projects.service.js';

interface StoredProject extends Omit<ProjectWithRole, 'role'> {
  members: Map<string, string>;
}

/** Projects and members in memory, with the repository's key rule and keyset order (newest first). */
class FakeProjects {
  readonly rows: StoredProject[] = [];
  readonly listCalls: Array<KeysetPosition | undefined> = [];
  insertedInside: boolean[] = [];

  constructor(private readonly unitOfWork: FakeUnitOfWork) {}

  async insertWithOwner(project: { id?: string; name: string; key: string; description?: string }, ownerId: string, tx: Db) {
    this.insertedInside.push(tx === this.unitOfWork.tx && this.unitOfWork.inside);
    if (this.rows.some((row) => row.key === project.key)) return false;
    this.rows.push({
      id: project.id!,
      name: project.name,
      key: project.key,
      description: project.description ?? '',
      plan: 'free',
      archived: false,
      // Distinct, increasing times: the fake orders like the database without depending on the clock.
      createdAt: new Date(Date.UTC(2030, 0, 1) + this.rows.length * 1000),
      members: new Map([[ownerId, 'owner']]),
    });
    return true;
  }
  async findForMember(projectId: string, userId: string) {
    const row = this.rows.find((project) => project.id === projectId);
    return row && this.withRole(row, userId);
  }
  async listForMember(userId: string, limit: number, after: KeysetPosition | undefined) {
    this.listCalls.push(after);
    const newestFirst = (a: StoredProject, b: StoredProject) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1);
    const isAfter = (row: StoredProject) =>
      !after || row.createdAt < new Date(after.at) || (row.createdAt.getTime() === Date.parse(after.at) && row.id < after.id);
    return this.rows
      .filter((row) => row.members.has(userId) && isAfter(row))
      .sort(newestFirst)
      .slice(0, limit)
      .map((row) => this.withRole(row, userId)!);
  }
  private withRole({ members, ...project }: StoredProject, userId: string): ProjectWithRole | undefined {
    const role = members.get(userId);
    return role ? { ...project, role } : undefined;
  }
}

/** Create, get and list need no authorization look-ups or activity reads: those only record. */
function setUp() {
  const unitOfWork = new FakeUnitOfWork();
  const projects = new FakeProjects(unitOfWork);
  const logged: unknown[] = [];
  const access = { forget: async () => {}, projectChanged: async () => {} } as unknown as ProjectAccess;
  const activity = { add: async (entries: unknown[]) => void logged.push(...entries) } as unknown as ActivityRepository;
  const service = new ProjectsService(
    projects as unknown as ProjectsRepository,
    access,
    {} as MembersRepository,
    activity,
    unitOfWork.asUnitOfWork(),
  );
  return { service, projects, unitOfWork, logged };
}

const person = (): Caller => ({ userId: randomUUID(), sessionId: randomUUID(), roles: ['customer'] });
const key = () => `K${randomUUID().replaceAll('-', '').slice(0, 8).toUpperCase()}`;
const newProject = (overrides: Partial<{ name: string; key: string; description: string }> = {}) => ({
  name: 'Apollo',
  key: key(),
  description: 'To the moon',
  ...overrides,
});

describe('ProjectsService.create', () => {
  it('creates the project with the caller as owner and records project.created in the same unit of work', async () => {
    const { service, projects, unitOfWork, logged } = setUp();
    const owner = person();
    const input = newProject({ name: '  Apollo  ' });

    const project = await service.create(input, owner);

    expect(project).toMatchObject({ name: 'Apollo', key: input.key, description: 'To the moon', role: 'owner' });
    expect(projects.insertedInside).toEqual([true]);
    expect(unitOfWork.committed).toEqual([
      expect.objectContaining({
        type: 'project.created.v1',
        subject: project.id,
        data: { projectId: project.id, key: input.key, name: 'Apollo', ownerId: owner.userId },
      }),
    ]);
    expect(logged).toEqual([{ projectId: project.id, actorId: owner.userId, action: 'project.created', subject: input.key }]);
  });

  it('lists every invalid field in VALIDATION_FAILED and stores nothing', async () => {
    const { service, projects } = setUp();

    const error = await service.create({ name: ' ', key: 'lower', description: 'x'.repeat(2001) }, person()).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ProjectError);
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect((error as ProjectError).fields.map((field) => field.path).sort()).toEqual(['description', 'key', 'name']);
    expect(projects.rows).toEqual([]);
  });

  it('answers PROJECT_KEY_TAKEN with the key field when a live project has the key, recording no event', async () => {
    const { service, unitOfWork } = setUp();
    const input = newProject();
    await service.create(input, person());

    const error = await service.create({ ...input, name: 'Other' }, person()).catch((e: unknown) => e);

    expect(error).toMatchObject({ code: 'PROJECT_KEY_TAKEN', fields: [{ path: 'key' }] });
    expect(unitOfWork.committed).toHaveLength(1);
  });

  it('answers UNAUTHENTICATED without a caller', async () => {
    const { service } = setUp();
    await expect(service.create(newProject(), undefined)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});

describe('ProjectsService.get', () => {
  it('answers PROJECT_NOT_FOUND to a non-member, exactly as for a project that does not exist', async () => {
    const { service } = setUp();
    const project = await service.create(newProject(), person());

    const notMember = await service.get(project.id, person()).catch((e: unknown) => e);
    const missing = await service.get(randomUUID(), person()).catch((e: unknown) => e);

    const shape = (error: unknown) => {
      const { code, message, fields } = error as ProjectError;
      return { code, message, fields };
    };
    expect(notMember).toBeInstanceOf(ProjectError);
    expect(shape(notMember)).toEqual(shape(missing));
    expect(shape(notMember).code).toBe('PROJECT_NOT_FOUND');
  });

  it('answers PROJECT_NOT_FOUND for an id that is not a UUID, without asking the database', async () => {
    const { service } = setUp();
    await expect(service.get('not-a-uuid', person())).rejects.toMatchObject({ code: 'PROJECT_NOT_FOUND' });
  });

  it('shows a member the project with their role', async () => {
    const { service } = setUp();
    const owner = person();
    const project = await service.create(newProject(), owner);

    await expect(service.get(project.id, owner)).resolves.toMatchObject({ id: project.id, role: 'owner' });
  });
});

describe('ProjectsService.list', () => {
  it('pages through the member’s projects newest first, the cursor carrying the last row’s position', async () => {
    const { service, projects } = setUp();
    const owner = person();
    const created = [];
    for (let i = 0; i < 5; i++) created.push(await service.create(newProject({ name: `P${i}` }), owner));
    await service.create(newProject(), person());

    const first = await service.list(owner, 2, '');
    const second = await service.list(owner, 2, first.nextCursor);
    const third = await service.list(owner, 2, second.nextCursor);

    const newestFirst = created.map((project) => project.id).reverse();
    expect([first, second, third].map((page) => page.items.map((item) => item.id))).toEqual([
      newestFirst.slice(0, 2),
      newestFirst.slice(2, 4),
      newestFirst.slice(4),
    ]);
    expect(third.nextCursor).toBe('');
    const lastOfFirst = first.items.at(-1)!;
    expect(decodeCursor(first.nextCursor)).toEqual({ at: lastOfFirst.createdAt.toISOString(), id: lastOfFirst.id });
    expect(projects.listCalls[1]).toEqual(decodeCursor(first.nextCursor));
  });

  it('gives no next cursor when the page holds everything', async () => {
    const { service } = setUp();
    const owner = person();
    await service.create(newProject(), owner);

    expect(await service.list(owner, 2, '')).toMatchObject({ items: [expect.anything()], nextCursor: '' });
  });

  it.each(['not base64 json!', encodeCursor({ at: 'yesterday', id: 'x' }), Buffer.from('{"at":1}').toString('base64url')])(
    'answers VALIDATION_FAILED on the cursor field for the invalid cursor %j',
    async (cursor) => {
      const { service } = setUp();
      await expect(service.list(person(), 10, cursor)).rejects.toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: 'cursor' }] });
    },
  );

  it('answers UNAUTHENTICATED without a caller', async () => {
    const { service } = setUp();
    await expect(service.list(undefined, 10, '')).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});
