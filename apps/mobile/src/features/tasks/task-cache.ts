import type { InfiniteData, QueryClient } from '@tanstack/react-query';

import { queryKeys } from '../../api/query-keys';
import type { Task, TaskFilters, TaskPage } from './tasks-api';

/**
 * Puts a changed task into every cached list of its project at once, so the board regroups without a
 * round trip. A list filtered by another status drops it, as the server would on the next fetch.
 */
export function replaceTaskInLists(queryClient: QueryClient, projectId: string, task: Task): void {
  const lists = queryClient.getQueriesData<InfiniteData<TaskPage>>({ queryKey: queryKeys.taskLists(projectId) });
  for (const [key, data] of lists) {
    if (data === undefined) continue;
    const filters = (key[3] ?? {}) as TaskFilters;
    const keep = filters.status === undefined || filters.status === task.status;
    queryClient.setQueryData<InfiniteData<TaskPage>>(key, {
      ...data,
      pages: data.pages.map((page) => ({
        ...page,
        items: page.items.flatMap((item) => (item.id !== task.id ? [item] : keep ? [task] : [])),
      })),
    });
  }
  queryClient.setQueryData(queryKeys.task(projectId, task.id), task);
}

/** The task as some cached list has it: shown at once (and offline) while its own fetch runs. */
export function findCachedTask(queryClient: QueryClient, projectId: string, taskId: string): Task | undefined {
  for (const [, data] of queryClient.getQueriesData<InfiniteData<TaskPage>>({ queryKey: queryKeys.taskLists(projectId) })) {
    const found = data?.pages.flatMap((page) => page.items).find((item) => item.id === taskId);
    if (found !== undefined) return found;
  }
  return undefined;
}
