import { useQuery, useQueryClient, type InfiniteData } from '@tanstack/react-query';

import { queryKeys } from '../../api/query-keys';
import { useCursorList } from '../../api/use-cursor-list';
import { useClient } from '../../session/session-provider';
import { getProject, listMembers, listProjects, type Project, type ProjectPage } from './projects-api';

export function useProjects() {
  const client = useClient();
  return useCursorList<Project, ProjectPage>(queryKeys.projects, (cursor) => listProjects(client, cursor));
}

export function useProject(projectId: string) {
  const client = useClient();
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: queryKeys.project(projectId),
    queryFn: () => getProject(client, projectId),
    // The list already has the project: show it at once (and offline) while the detail loads.
    placeholderData: () =>
      queryClient
        .getQueryData<InfiniteData<ProjectPage>>(queryKeys.projects)
        ?.pages.flatMap((page) => page.items)
        .find((project) => project.id === projectId),
  });
}

export function useMembers(projectId: string) {
  const client = useClient();
  return useQuery({ queryKey: queryKeys.members(projectId), queryFn: () => listMembers(client, projectId) });
}

/** Display names by user id, for authors, actors and assignees; ids of people who left stay unnamed. */
export function useMemberNames(projectId: string): (userId: string | null) => string | null {
  const members = useMembers(projectId).data ?? [];
  return (userId) => members.find((member) => member.userId === userId)?.displayName ?? null;
}
