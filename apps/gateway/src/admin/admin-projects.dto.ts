import type { projectV1 } from '@msp/contracts';
import { z } from 'zod';
import { PLAN_IDS } from '../billing/billing.dto.js';
import { emptyToNull, isoOf, knownValueOf, pageOf, pageQuery, timestamp } from '../http/common.dto.js';

const PROJECT_STATUSES = ['active', 'archived'] as const;

export const listProjectsQuery = pageQuery.extend({
  q: z.string().trim().max(200).optional().describe('Part of the name or the key, in any case'),
  status: z.enum(PROJECT_STATUSES).optional().describe('active: not archived'),
  plan: z.enum(PLAN_IDS).optional(),
});
export type ListProjectsQuery = z.output<typeof listProjectsQuery>;

export const projectParams = z.strictObject({ id: z.uuid() });
export type ProjectParams = z.output<typeof projectParams>;

const projectOwner = z
  .object({
    id: z.uuid(),
    // null once the owner's account is deleted (the project service keeps no name or address then).
    displayName: z.string().nullable(),
    email: z.string().nullable(),
  })
  .nullable()
  .describe('The longest-standing owner; null only if the project has none');

export const adminProject = z.object({
  id: z.uuid(),
  name: z.string(),
  key: z.string(),
  description: z.string(),
  plan: z.enum(PLAN_IDS),
  archived: z.boolean(),
  createdAt: timestamp,
  owner: projectOwner,
  membersCount: z.number().int(),
  tasksCount: z.number().int().describe('Live (not deleted) tasks'),
});
export type AdminProject = z.output<typeof adminProject>;

export const adminProjectPage = pageOf(adminProject);
export type AdminProjectPage = z.output<typeof adminProjectPage>;

/** proto3 strings: "" means "no filter" and "first page". */
export function toListAllProjectsRequest(query: ListProjectsQuery): projectV1.ListAllProjectsRequest {
  return { q: query.q ?? '', status: query.status ?? '', plan: query.plan ?? '', limit: query.limit, cursor: query.cursor ?? '' };
}

export function toAdminProjectPage(response: projectV1.ListAllProjectsResponse): AdminProjectPage {
  return { items: response.items.map(toAdminProject), nextCursor: emptyToNull(response.nextCursor) };
}

export function toAdminProjectDetail(response: projectV1.GetProjectOverviewResponse): AdminProject {
  if (!response.project) throw new Error('project service answered without the project');
  return toAdminProject(response.project);
}

function toAdminProject(project: projectV1.ProjectOverview): AdminProject {
  return {
    id: project.id,
    name: project.name,
    key: project.key,
    description: project.description,
    plan: knownValueOf(PLAN_IDS, project.plan, 'project plan'),
    archived: project.archived,
    createdAt: isoOf(project.createdAt, 'project.createdAt'),
    owner: project.ownerId
      ? { id: project.ownerId, displayName: emptyToNull(project.ownerDisplayName), email: emptyToNull(project.ownerEmail) }
      : null,
    membersCount: project.membersCount,
    tasksCount: project.tasksCount,
  };
}
