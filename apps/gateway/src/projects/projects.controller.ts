import { Controller, Inject } from '@nestjs/common';
import type { Caller } from '@msp/platform';
import { PROJECT_CLIENT, type ProjectClient } from '../grpc/grpc-clients.module.js';
import { pageQuery, type PageQuery } from '../http/common.dto.js';
import { Endpoint } from '../http/endpoint.decorator.js';
import { ValidBody, ValidParams, ValidQuery } from '../http/valid-input.decorator.js';
import { CurrentCaller } from '../security/current-caller.decorator.js';
import { ProjectReadCache } from './project-read-cache.js';
import { CHANGE_PROJECT_CONTENT_ERRORS, READ_PROJECT_ERRORS, WRITE_PROJECT_ERRORS } from './project-errors.js';
import {
  createProjectBody,
  projectPage,
  projectParams,
  projectResponse,
  toProject,
  toProjectPage,
  updateProjectBody,
  type CreateProjectBody,
  type ProjectPage,
  type ProjectParams,
  type ProjectResponse,
  type UpdateProjectBody,
} from './projects.dto.js';

const tag = 'Projects';

@Controller()
export class ProjectsController {
  constructor(
    @Inject(PROJECT_CLIENT) private readonly projects: ProjectClient,
    private readonly reads: ProjectReadCache,
  ) {}

  @Endpoint({
    method: 'GET',
    path: '/api/v1/projects',
    tag,
    auth: 'user',
    status: 200,
    summary: 'Projects the caller is a member of, newest first',
    query: pageQuery,
    response: projectPage,
    errors: [],
  })
  async listProjects(@ValidQuery() query: PageQuery): Promise<ProjectPage> {
    return toProjectPage(await this.projects.listProjects({ limit: query.limit, cursor: query.cursor ?? '' }));
  }

  @Endpoint({
    method: 'POST',
    path: '/api/v1/projects',
    tag,
    auth: 'user',
    status: 201,
    summary: 'Create a project owned by the caller',
    description: 'The key is unique across the platform: a taken key is 409. Honours `Idempotency-Key`.',
    errorCodes: { 409: ['PROJECT_KEY_TAKEN'] },
    idempotent: true,
    body: createProjectBody,
    response: projectResponse,
    errors: [],
  })
  async createProject(@ValidBody() body: CreateProjectBody): Promise<ProjectResponse> {
    const { project } = await this.projects.createProject({ ...body, description: body.description ?? '' });
    return toProject(project);
  }

  @Endpoint({
    method: 'GET',
    path: '/api/v1/projects/{projectId}',
    tag,
    auth: 'user',
    status: 200,
    summary: 'One project of the caller',
    description: 'A project the caller is not a member of is 404, like one that does not exist.',
    errorCodes: READ_PROJECT_ERRORS,
    params: projectParams,
    response: projectResponse,
    errors: [],
  })
  async getProject(@ValidParams() params: ProjectParams, @CurrentCaller() caller: Caller): Promise<ProjectResponse> {
    return this.reads.get(params.projectId, caller.userId, async () =>
      toProject((await this.projects.getProject({ projectId: params.projectId })).project),
    );
  }

  @Endpoint({
    method: 'PATCH',
    path: '/api/v1/projects/{projectId}',
    tag,
    auth: 'user',
    status: 200,
    summary: 'Rename, describe, archive or unarchive a project (project admins and owners)',
    description: 'Only the fields sent change.',
    errorCodes: CHANGE_PROJECT_CONTENT_ERRORS,
    params: projectParams,
    body: updateProjectBody,
    response: projectResponse,
    errors: [],
  })
  async updateProject(@ValidParams() params: ProjectParams, @ValidBody() body: UpdateProjectBody): Promise<ProjectResponse> {
    const { project } = await this.projects.updateProject({ projectId: params.projectId, ...body });
    return toProject(project);
  }

  @Endpoint({
    method: 'DELETE',
    path: '/api/v1/projects/{projectId}',
    tag,
    auth: 'user',
    status: 204,
    summary: 'Delete a project (owners only)',
    errorCodes: WRITE_PROJECT_ERRORS,
    params: projectParams,
    errors: [],
  })
  async deleteProject(@ValidParams() params: ProjectParams): Promise<void> {
    await this.projects.deleteProject({ projectId: params.projectId });
  }
}
