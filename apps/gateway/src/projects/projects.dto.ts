import type { projectV1 } from '@msp/contracts';
import { z } from 'zod';
import { emptyToNull, isoOf, knownValueOf, pageOf, timestamp } from '../http/common.dto.js';

export const PROJECT_ROLES = ['owner', 'admin', 'member', 'viewer'] as const;

export const projectParams = z.strictObject({ projectId: z.uuid() });
export type ProjectParams = z.output<typeof projectParams>;

const projectName = z.string().trim().min(1).max(100);
const projectDescription = z.string().max(2000);

export const createProjectBody = z.strictObject({
  name: projectName,
  key: z.string().regex(/^[A-Z][A-Z0-9]{1,9}$/, 'An uppercase letter, then 1–9 uppercase letters or digits'),
  description: projectDescription.optional(),
});
export type CreateProjectBody = z.output<typeof createProjectBody>;

export const updateProjectBody = z.strictObject({
  name: projectName.optional(),
  description: projectDescription.optional(),
  archived: z.boolean().optional(),
});
export type UpdateProjectBody = z.output<typeof updateProjectBody>;

export const projectResponse = z.object({
  id: z.uuid(),
  name: z.string(),
  key: z.string(),
  description: z.string(),
  plan: z.string().describe('free, pro or business'),
  role: z.enum(PROJECT_ROLES).describe("The caller's role in the project"),
  createdAt: timestamp,
  archived: z.boolean(),
});
export type ProjectResponse = z.output<typeof projectResponse>;

export const projectPage = pageOf(projectResponse);
export type ProjectPage = z.output<typeof projectPage>;

export function toProject(project: projectV1.Project | undefined): ProjectResponse {
  if (!project) throw new Error('project service answered without a project');
  return {
    id: project.id,
    name: project.name,
    key: project.key,
    description: project.description,
    plan: project.plan,
    role: knownValueOf(PROJECT_ROLES, project.role, 'project role'),
    createdAt: isoOf(project.createdAt, 'project.createdAt'),
    archived: project.archived,
  };
}

export function toProjectPage(response: projectV1.ListProjectsResponse): ProjectPage {
  return { items: response.items.map(toProject), nextCursor: emptyToNull(response.nextCursor) };
}
