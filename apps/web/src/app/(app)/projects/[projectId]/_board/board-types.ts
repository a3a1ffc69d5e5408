import type { Task, TaskStatus } from '../../../../../lib/api/tasks';

/** What a card shows; names and dates are resolved on the server (no time-zone drift in the browser). */
export interface CardTask {
  readonly id: string;
  readonly key: string;
  readonly title: string;
  readonly status: TaskStatus;
  readonly priority: Task['priority'];
  readonly version: number;
  readonly assignee: string | null;
  readonly due: string | null;
  readonly labels: readonly string[];
}

export interface BoardColumn {
  readonly status: TaskStatus;
  readonly title: string;
  /** More tasks than the board loaded are in this column. */
  readonly truncated: boolean;
}
