export const PROJECT_ROLES = ['owner', 'admin', 'member', 'viewer'] as const;
export type ProjectRole = (typeof PROJECT_ROLES)[number];

// Each role can do everything the roles below it can: viewers read, members edit tasks and comment,
// admins manage members, invitations and the project, owners also delete it and manage owners.
const rank: Record<ProjectRole, number> = { viewer: 0, member: 1, admin: 2, owner: 3 };

export function isProjectRole(value: string): value is ProjectRole {
  return (PROJECT_ROLES as readonly string[]).includes(value);
}

export function hasAtLeast(role: ProjectRole, least: ProjectRole): boolean {
  return rank[role] >= rank[least];
}
