// The task vocabulary of API.md, usable from client components (tasks.ts is server-only).

export type TaskStatusName = 'backlog' | 'todo' | 'in_progress' | 'done' | 'cancelled';
export type TaskPriorityName = 'none' | 'low' | 'medium' | 'high' | 'urgent';

export const TASK_STATUSES: readonly TaskStatusName[] = ['backlog', 'todo', 'in_progress', 'done', 'cancelled'];
export const TASK_PRIORITIES: readonly TaskPriorityName[] = ['none', 'low', 'medium', 'high', 'urgent'];
