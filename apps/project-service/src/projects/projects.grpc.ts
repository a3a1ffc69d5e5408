import { projectV1 } from '@msp/contracts';
import { callerOf } from '@msp/platform';
import { Injectable } from '@nestjs/common';
import type { CallContext } from 'nice-grpc';
import type { ProjectWithRole } from './projects.repository.js';
import { ProjectsService } from './projects.service.js';

@Injectable()
export class ProjectsGrpc implements projectV1.ProjectServiceImplementation {
  constructor(private readonly projects: ProjectsService) {}

  async createProject(request: projectV1.CreateProjectRequest, context: CallContext): Promise<projectV1.CreateProjectResponse> {
    return { project: toMessage(await this.projects.create(request, callerOf(context))) };
  }

  async listProjects(request: projectV1.ListProjectsRequest, context: CallContext): Promise<projectV1.ListProjectsResponse> {
    const page = await this.projects.list(callerOf(context), request.limit, request.cursor);
    return { items: page.items.map(toMessage), nextCursor: page.nextCursor };
  }

  async getProject(request: projectV1.GetProjectRequest, context: CallContext): Promise<projectV1.GetProjectResponse> {
    return { project: toMessage(await this.projects.get(request.projectId, callerOf(context))) };
  }
}

function toMessage(project: ProjectWithRole): projectV1.Project {
  return { ...project };
}
