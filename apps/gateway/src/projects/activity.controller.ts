import { Controller, Inject } from '@nestjs/common';
import { PROJECT_CLIENT, type ProjectClient } from '../grpc/grpc-clients.module.js';
import { pageQuery, type PageQuery } from '../http/common.dto.js';
import { Endpoint } from '../http/endpoint.decorator.js';
import { ValidParams, ValidQuery } from '../http/valid-input.decorator.js';
import { activityPage, toActivityPage, type ActivityPage } from './activity.dto.js';
import { READ_PROJECT_ERRORS } from './project-errors.js';
import { projectParams, type ProjectParams } from './projects.dto.js';

/** The project's activity log: every change, newest first. */
@Controller()
export class ActivityController {
  constructor(@Inject(PROJECT_CLIENT) private readonly projects: ProjectClient) {}

  @Endpoint({
    method: 'GET',
    path: '/api/v1/projects/{projectId}/activity',
    tag: 'Projects',
    auth: 'user',
    status: 200,
    summary: 'What happened in a project, newest first',
    errorCodes: READ_PROJECT_ERRORS,
    params: projectParams,
    query: pageQuery,
    response: activityPage,
    errors: [],
  })
  async listActivity(@ValidParams() params: ProjectParams, @ValidQuery() query: PageQuery): Promise<ActivityPage> {
    return toActivityPage(
      await this.projects.listActivity({ projectId: params.projectId, limit: query.limit, cursor: query.cursor ?? '' }),
    );
  }
}
