import { Controller, Inject } from '@nestjs/common';
import { PROJECT_CLIENT, type ProjectClient } from '../grpc/grpc-clients.module.js';
import { Endpoint } from '../http/endpoint.decorator.js';
import { ValidParams, ValidQuery } from '../http/valid-input.decorator.js';
import {
  adminProject,
  adminProjectPage,
  listProjectsQuery,
  projectParams,
  toAdminProjectDetail,
  toAdminProjectPage,
  toListAllProjectsRequest,
  type AdminProject,
  type AdminProjectPage,
  type ListProjectsQuery,
  type ProjectParams,
} from './admin-projects.dto.js';

const tag = 'Admin';

/** Every project as platform administrators see it, membership or not; the project service checks the role again. */
@Controller()
export class AdminProjectsController {
  constructor(@Inject(PROJECT_CLIENT) private readonly project: ProjectClient) {}

  @Endpoint({
    method: 'GET',
    path: '/api/v1/admin/projects',
    errorCodes: { 403: ['FORBIDDEN'] },
    tag,
    auth: 'admin',
    rateLimit: 'auth',
    status: 200,
    summary: 'Search, filter and page through all projects',
    description: '`q` matches part of the name or the key in any case; newest first; deleted projects are not listed.',
    query: listProjectsQuery,
    response: adminProjectPage,
    errors: [],
  })
  async listAllProjects(@ValidQuery() query: ListProjectsQuery): Promise<AdminProjectPage> {
    return toAdminProjectPage(await this.project.listAllProjects(toListAllProjectsRequest(query)));
  }

  @Endpoint({
    method: 'GET',
    path: '/api/v1/admin/projects/{id}',
    errorCodes: { 403: ['FORBIDDEN'], 404: ['PROJECT_NOT_FOUND'] },
    tag,
    auth: 'admin',
    rateLimit: 'auth',
    status: 200,
    summary: 'One project with its owner, plan, member and task counts',
    params: projectParams,
    response: adminProject,
    errors: [],
  })
  async getAdminProject(@ValidParams() params: ProjectParams): Promise<AdminProject> {
    return toAdminProjectDetail(await this.project.getProjectOverview({ projectId: params.id }));
  }
}
