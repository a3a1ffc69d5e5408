import { randomUUID } from 'node:crypto';
import { pageSize, toPage, UnitOfWork, type Caller, type FieldProblem } from '@msp/platform';
import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { ProjectAccess } from '../access/project-access.js';
import { ActivityRepository } from '../activity/activity.repository.js';
import { cursorPosition, isUuid, parseInput } from '../common/validation.js';
import { MembersRepository } from '../members/members.repository.js';
import { ProjectError } from './projects.errors.js';
import { ProjectsRepository, type ProjectChanges, type ProjectWithRole } from './projects.repository.js';

const name = z.string().trim().min(1).max(100);
const description = z.string().max(2000);

const newProjectSchema = z.object({
  name,
  key: z.string().regex(/^[A-Z][A-Z0-9]{1,9}$/, 'must be 2–10 capital letters or digits, starting with a letter'),
  description,
});

const projectChangesSchema = z.object({ name: name.optional(), description: description.optional(), archived: z.boolean().optional() });

export type NewProject = z.input<typeof newProjectSchema>;
export type ProjectChangesInput = z.input<typeof projectChangesSchema>;

export interface ProjectPage {
  items: ProjectWithRole[];
  nextCursor: string;
}

@Injectable()
export class ProjectsService {
  constructor(
    private readonly projects: ProjectsRepository,
    private readonly access: ProjectAccess,
    private readonly members: MembersRepository,
    private readonly activity: ActivityRepository,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async create(input: NewProject, caller: Caller | undefined): Promise<ProjectWithRole> {
    const owner = this.signedIn(caller);
    const parsed = parseInput(newProjectSchema, input, invalid);
    const project = { id: randomUUID(), ...parsed, createdBy: owner.userId };
    const created = await this.unitOfWork.run(async (tx, events) => {
      if (!(await this.projects.insertWithOwner(project, owner.userId, tx))) return false;
      await this.activity.add([{ projectId: project.id, actorId: owner.userId, action: 'project.created', subject: project.key }], tx);
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
    // A project created a moment ago may have a cached "not a member" from someone probing its id.
    await this.access.forget([{ projectId: project.id, userId: owner.userId }]);
    return this.get(project.id, owner);
  }

  /** Non-members get NOT_FOUND, exactly like a project that does not exist. */
  async get(projectId: string, caller: Caller | undefined): Promise<ProjectWithRole> {
    const member = this.signedIn(caller);
    const project = isUuid(projectId) ? await this.projects.findForMember(projectId, member.userId) : undefined;
    if (!project) throw new ProjectError('PROJECT_NOT_FOUND', 'No such project.');
    return project;
  }

  async list(caller: Caller | undefined, limit: number, cursor: string): Promise<ProjectPage> {
    const member = this.signedIn(caller);
    const after = cursorPosition(cursor, (fields) => new ProjectError('VALIDATION_FAILED', 'The cursor is invalid.', fields));
    const size = pageSize(limit);
    return toPage(await this.projects.listForMember(member.userId, size + 1, after), size);
  }

  /** Admins and owners rename, describe, archive and unarchive; an archived project takes only unarchiving. */
  async update(projectId: string, input: ProjectChangesInput, caller: Caller | undefined): Promise<ProjectWithRole> {
    await this.access.require(projectId, caller, 'admin');
    const changes = parseInput(projectChangesSchema, input, invalid);
    const updated = await this.unitOfWork.run(async (tx, events) => {
      const { userId, project } = await this.access.requireLocked(projectId, caller, 'admin', tx);
      const before = (await this.projects.findForMember(projectId, userId, tx))!;
      const changed: ProjectChanges = {};
      if (changes.name !== undefined && changes.name !== before.name) changed.name = changes.name;
      if (changes.description !== undefined && changes.description !== before.description) changed.description = changes.description;
      if (changes.archived !== undefined && changes.archived !== before.archived) changed.archived = changes.archived;
      const fields = Object.keys(changed) as Array<keyof ProjectChanges>;
      if (fields.length === 0) return before;
      // Unarchiving may come with other changes; anything else leaves the project as it is, read-only.
      if (changed.archived !== false) this.access.requireUnarchived(project);
      await this.projects.update(projectId, changed, tx);
      const after = (await this.projects.findForMember(projectId, userId, tx))!;
      await this.activity.add(
        [
          {
            projectId,
            actorId: userId,
            action: 'project.updated',
            subject: after.key,
            data: { changed: fields, ...summary(before, changed) },
          },
        ],
        tx,
      );
      await events.add({
        type: 'project.updated.v1',
        subject: projectId,
        data: {
          projectId,
          key: after.key,
          name: after.name,
          description: after.description,
          archived: after.archived,
          changed: fields,
          updatedBy: userId,
        },
      });
      return after;
    });
    await this.access.projectChanged(projectId);
    return updated;
  }

  /** Owners only. Soft: the project is gone for everyone at once, and its key is free again. */
  async delete(projectId: string, caller: Caller | undefined): Promise<void> {
    await this.access.require(projectId, caller, 'owner');
    const memberIds = await this.unitOfWork.run(async (tx, events) => {
      const { userId, project } = await this.access.requireLocked(projectId, caller, 'owner', tx);
      await this.projects.softDelete(projectId, tx);
      await this.activity.add([{ projectId, actorId: userId, action: 'project.deleted', subject: project.key }], tx);
      await events.add({ type: 'project.deleted.v1', subject: projectId, data: { projectId, key: project.key, deletedBy: userId } });
      return this.members.userIds(projectId, tx);
    });
    await this.access.forget(memberIds.map((userId) => ({ projectId, userId })));
  }

  private signedIn(caller: Caller | undefined): Caller {
    if (!caller) throw new ProjectError('UNAUTHENTICATED', 'Sign in first.');
    return caller;
  }
}

/** The old and new values for the log; the description (up to 2,000 characters) is only named. */
function summary(before: ProjectWithRole, changed: ProjectChanges): { from: Record<string, unknown>; to: Record<string, unknown> } {
  const from: Record<string, unknown> = {};
  const to: Record<string, unknown> = {};
  if (changed.name !== undefined) [from.name, to.name] = [before.name, changed.name];
  if (changed.archived !== undefined) [from.archived, to.archived] = [before.archived, changed.archived];
  return { from, to };
}

function invalid(fields: FieldProblem[]): ProjectError {
  return new ProjectError('VALIDATION_FAILED', 'The project is invalid.', fields);
}
