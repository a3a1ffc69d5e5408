import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { ApiError } from '../../api/api-error';
import { queryKeys } from '../../api/query-keys';
import { useCursorList } from '../../api/use-cursor-list';
import { assertOnline } from '../../network/online';
import { useClient } from '../../session/session-provider';
import { findCachedTask, replaceTaskInLists } from './task-cache';
import {
  createTask,
  getTask,
  listTasks,
  updateTask,
  type NewTask,
  type Task,
  type TaskChange,
  type TaskFilters,
  type TaskPage,
} from './tasks-api';

export function useTasks(projectId: string, filters: TaskFilters) {
  const client = useClient();
  return useCursorList<Task, TaskPage>(queryKeys.tasks(projectId, filters), (cursor) => listTasks(client, projectId, filters, cursor));
}

export function useTask(projectId: string, taskId: string) {
  const client = useClient();
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: queryKeys.task(projectId, taskId),
    queryFn: () => getTask(client, projectId, taskId),
    placeholderData: () => findCachedTask(queryClient, projectId, taskId),
  });
}

export interface TaskUpdate {
  /** The task as the user saw it: its version is what the change is based on. */
  task: Pick<Task, 'id' | 'version' | 'key'>;
  change: TaskChange;
}

export function useUpdateTask(projectId: string) {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ task, change }: TaskUpdate) => {
      assertOnline();
      return updateTask(client, projectId, task, change);
    },
    onSuccess: (task) => {
      replaceTaskInLists(queryClient, projectId, task);
      void queryClient.invalidateQueries({ queryKey: queryKeys.activity(projectId) });
    },
    onError: (error, { task }) => {
      // Someone changed the task since it was read: fetch what it is now, so the user decides again on
      // current data instead of retrying a stale version forever.
      if (error instanceof ApiError && error.status === 409) {
        void queryClient.invalidateQueries({ queryKey: queryKeys.task(projectId, task.id) });
        void queryClient.invalidateQueries({ queryKey: queryKeys.taskLists(projectId) });
      }
    },
  });
}

export function useCreateTask(projectId: string) {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ task, idempotencyKey }: { task: NewTask; idempotencyKey: string }) => {
      assertOnline();
      return createTask(client, projectId, task, idempotencyKey);
    },
    onSuccess: (task) => {
      queryClient.setQueryData(queryKeys.task(projectId, task.id), task);
      void queryClient.invalidateQueries({ queryKey: queryKeys.taskLists(projectId) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.activity(projectId) });
    },
  });
}
