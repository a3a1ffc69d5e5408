import 'server-only';
import { cache } from 'react';
import { projectsApi, type Member, type Project, type ProjectRole } from './api/projects';
import { must, requireCaller } from './caller';

// A project page's layout and the page itself both need the project and its members; these are asked of
// the gateway once per request.

export const getProject = cache(async (projectId: string): Promise<Project> =>
  must(await projectsApi.get(await requireCaller(), projectId)),
);

export const getMembers = cache(async (projectId: string): Promise<Member[]> => {
  const result = await projectsApi.members(await requireCaller(), projectId);
  return must(result).items;
});

export interface Permissions {
  /** Create, edit and move tasks, comment: members and up, on an active project. */
  readonly canEdit: boolean;
  /** Members, invitations, settings, billing: owners and admins. */
  readonly canManage: boolean;
  readonly isOwner: boolean;
}

/** What the caller's role allows (API.md); the gateway enforces the same, this only shapes the UI. */
export function permissionsOf(project: Pick<Project, 'role' | 'archived'>): Permissions {
  const role: ProjectRole = project.role;
  const manages = role === 'owner' || role === 'admin';
  return { canEdit: !project.archived && role !== 'viewer', canManage: manages, isOwner: role === 'owner' };
}

/** Members by user id, for showing names where the API gives ids (assignees, authors, actors). */
export function memberNames(members: readonly Member[]): ReadonlyMap<string, string> {
  return new Map(members.map((member) => [member.userId, member.displayName]));
}
