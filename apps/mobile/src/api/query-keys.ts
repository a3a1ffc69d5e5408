import type { TaskFilters } from '../features/tasks/tasks-api';

// One place for cache keys, so invalidations and the offline persistence (which keeps everything
// under 'projects' and 'me') cannot drift from the queries they mean.
export const queryKeys = {
  me: ['me'] as const,
  projects: ['projects', 'list'] as const,
  project: (projectId: string) => ['projects', projectId] as const,
  members: (projectId: string) => ['projects', projectId, 'members'] as const,
  activity: (projectId: string) => ['projects', projectId, 'activity'] as const,
  /** Every task list of a project, whatever its filters. */
  taskLists: (projectId: string) => ['projects', projectId, 'tasks'] as const,
  tasks: (projectId: string, filters: TaskFilters) => ['projects', projectId, 'tasks', filters] as const,
  task: (projectId: string, taskId: string) => ['projects', projectId, 'task', taskId] as const,
  /** A task key's id; not under taskLists, whose entries must all be lists. */
  taskIdForKey: (projectId: string, key: string) => ['projects', projectId, 'task-key', key] as const,
  comments: (projectId: string, taskId: string) => ['projects', projectId, 'task', taskId, 'comments'] as const,
  notifications: ['notifications'] as const,
  preferences: ['notification-preferences'] as const,
  sessions: ['sessions'] as const,
};

/** Top-level keys whose data is kept on the device for reading offline. */
export const persistedRoots: readonly string[] = ['projects', 'me'];
