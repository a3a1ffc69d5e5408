import { Badge, type BadgeTone } from '../../../../components/page-parts';
import type { Messages } from '../../../../i18n/messages';
import type { TaskPriorityName, TaskStatusName } from '../../../../lib/api/task-statuses';

const STATUS_TONES: Record<TaskStatusName, BadgeTone> = {
  backlog: 'neutral',
  todo: 'accent',
  in_progress: 'warning',
  done: 'success',
  cancelled: 'neutral',
};

const PRIORITY_TONES: Record<TaskPriorityName, BadgeTone> = {
  none: 'neutral',
  low: 'neutral',
  medium: 'accent',
  high: 'warning',
  urgent: 'danger',
};

export function StatusBadge({ status, m }: { readonly status: TaskStatusName; readonly m: Messages['workspace'] }) {
  return <Badge tone={STATUS_TONES[status]}>{m.status[status]}</Badge>;
}

export function PriorityBadge({ priority, m }: { readonly priority: TaskPriorityName; readonly m: Messages['workspace'] }) {
  return <Badge tone={PRIORITY_TONES[priority]}>{m.priority[priority]}</Badge>;
}
