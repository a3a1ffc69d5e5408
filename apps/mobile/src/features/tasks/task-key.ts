import { useQuery, useQueryClient, type InfiniteData } from '@tanstack/react-query';

import { ApiError } from '../../api/api-error';
import { queryKeys } from '../../api/query-keys';
import { useClient } from '../../session/session-provider';
import { listTasks, type TaskPage } from './tasks-api';

const TASK_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The most rows the API sends per page, and how many pages a key lookup reads at most. */
const LOOKUP_PAGE_SIZE = 100;
const LOOKUP_PAGES = 10;

/** Whether a route segment is a task id (the API's address) rather than a key such as WEB-42. */
export function isTaskId(segment: string): boolean {
  return TASK_ID.test(segment);
}

/**
 * The id of the task with `key`. Links in notifications and emails name tasks by key, but the API
 * addresses them by id and has no key lookup; so this looks in the cached lists first, then reads the
 * project's tasks newest first — a notified task is usually a recent one — up to a bound.
 */
export function useTaskIdForKey(projectId: string, key: string) {
  const client = useClient();
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: queryKeys.taskIdForKey(projectId, key.toUpperCase()),
    queryFn: async () => {
      const wanted = key.toUpperCase();
      for (const [, data] of queryClient.getQueriesData<InfiniteData<TaskPage>>({ queryKey: queryKeys.taskLists(projectId) })) {
        const cached = data?.pages.flatMap((page) => page.items).find((task) => task.key === wanted);
        if (cached !== undefined) return cached.id;
      }
      let cursor: string | undefined;
      for (let read = 0; read < LOOKUP_PAGES; read += 1) {
        const page = await listTasks(client, projectId, {}, cursor, LOOKUP_PAGE_SIZE);
        const found = page.items.find((task) => task.key === wanted);
        if (found !== undefined) return found.id;
        if (page.nextCursor === null) break;
        cursor = page.nextCursor;
      }
      throw new ApiError({ status: 404, code: 'TASK_NOT_FOUND', title: 'Not Found', detail: `No task ${wanted} in this project.` });
    },
  });
}
