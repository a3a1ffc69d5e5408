import { randomUUID } from 'node:crypto';
import { decodeCursor, pageSize, toPage, UnitOfWork, type Caller } from '@msp/platform';
import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { ProjectError } from './projects.errors.js';
import { ProjectsRepository, type ProjectWithRole } from './projects.repository.js';

const newProjectSchema = z.object({
  name: z.string().trim().min(1).max(100),
  key: z.string().regex(/^[A-Z][A-Z0-9]{1,9}$/, 'must be 2–10 capital letters or digits, starting with a letter'),
  description: z.string().max(2000),
});

export type NewProject = z.input<typeof newProjectSchema>;

export interface ProjectPage {
  items: ProjectWithRole[];
  nextCursor: string;
}

@Injectable()
export class ProjectsService {
  constructor(
    private readonly projects: ProjectsRepository,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async create(input: NewProject, caller: Caller | undefined): Promise<ProjectWithRole> {
    const owner = requireCaller(caller);
    const parsed = newProjectSchema.safeParse(input);
    if (!parsed.success) {
      const fields = parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
      throw new ProjectError('VALIDATION_FAILED', 'The project is invalid.', fields);
    }
    const project = { id: randomUUID(), ...parsed.data, createdBy: owner.userId };
    const created = await this.unitOfWork.run(async (tx, events) => {
      if (!(await this.projects.insertWithOwner(project, owner.userId, tx))) return false;
      await events.add({
        type: 'project.created.v1',
        subject: project.id,
        data: { projectId: project.id, key: project.key, name: project.name, ownerId: owner.userId },
      });
      return true;
    });
    if (!created) {
      throw new ProjectError('PROJECT_KEY_TAKEN', `The key ${project.key} is taken.`, [{ path: 'key', message: 'is already taken' }]);
    }
    return this.get(project.id, owner);
  }

  /** Non-members get NOT_FOUND, exactly like a project that does not exist. */
  async get(projectId: string, caller: Caller | undefined): Promise<ProjectWithRole> {
    const member = requireCaller(caller);
    const project = await this.projects.findForMember(projectId, member.userId);
    if (!project) throw new ProjectError('PROJECT_NOT_FOUND', 'No such project.');
    return project;
  }

  async list(caller: Caller | undefined, limit: number, cursor: string): Promise<ProjectPage> {
    const member = requireCaller(caller);
    const after = decodeCursor(cursor);
    if (cursor && !after)
      throw new ProjectError('VALIDATION_FAILED', 'The cursor is invalid.', [{ path: 'cursor', message: 'is invalid' }]);
    const size = pageSize(limit);
    return toPage(await this.projects.listForMember(member.userId, size + 1, after), size);
  }
}

function requireCaller(caller: Caller | undefined): Caller {
  if (!caller) throw new ProjectError('UNAUTHENTICATED', 'Sign in first.');
  return caller;
}
