import type { paths } from '@msp/api-client';

import type { GatewayClient } from '../../api/gateway-client';

export type Project = paths['/api/v1/projects/{projectId}']['get']['responses'][200]['content']['application/json'];
export type ProjectPage = paths['/api/v1/projects']['get']['responses'][200]['content']['application/json'];
export type Member = paths['/api/v1/projects/{projectId}/members']['get']['responses'][200]['content']['application/json']['items'][number];

/** Rows per page: a phone screen and a half, so the next page loads before the list runs out. */
export const PAGE_SIZE = 25;

export function listProjects(client: GatewayClient, cursor: string | undefined): Promise<ProjectPage> {
  return client.request((api, init) => api.GET('/api/v1/projects', { ...init, params: { query: { limit: PAGE_SIZE, cursor } } }));
}

export function getProject(client: GatewayClient, projectId: string): Promise<Project> {
  return client.request((api, init) => api.GET('/api/v1/projects/{projectId}', { ...init, params: { path: { projectId } } }));
}

export async function listMembers(client: GatewayClient, projectId: string): Promise<Member[]> {
  const page = await client.request((api, init) =>
    api.GET('/api/v1/projects/{projectId}/members', { ...init, params: { path: { projectId } } }),
  );
  return page.items;
}

/** Viewers read only (API.md, project roles): the app hides what they could not save anyway. */
export function canEditTasks(project: Pick<Project, 'role'> | undefined): boolean {
  return project !== undefined && project.role !== 'viewer';
}
