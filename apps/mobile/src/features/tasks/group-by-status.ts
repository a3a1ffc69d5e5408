import { TASK_STATUSES, type Task, type TaskStatus } from './tasks-api';

export interface StatusSection {
  status: TaskStatus;
  data: Task[];
}

/** The loaded tasks as board columns in workflow order; statuses without tasks are left out. */
export function groupByStatus(tasks: readonly Task[]): StatusSection[] {
  return TASK_STATUSES.map((status) => ({ status, data: tasks.filter((task) => task.status === status) })).filter(
    (section) => section.data.length > 0,
  );
}
