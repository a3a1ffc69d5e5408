import type { Translate } from '../../i18n/i18n';
import type { Activity } from './activity-api';

const statusKeys = ['backlog', 'todo', 'in_progress', 'done', 'cancelled'] as const;
type StatusKey = (typeof statusKeys)[number];
const isStatus = (value: unknown): value is StatusKey => statusKeys.includes(value as StatusKey);

/**
 * One line per activity entry, in the user's language. Actions this build does not know yet (the
 * service may add some) fall back to their code, which is still better than hiding the entry.
 */
export function describeActivity(entry: Activity, actor: string, t: Translate): string {
  const { from, to } = entry.data;
  switch (entry.action) {
    case 'task.created':
      return t('activity.created', { actor });
    case 'task.status_changed':
      return isStatus(from) && isStatus(to)
        ? t('activity.statusChanged', { actor, from: t(`status.${from}`), to: t(`status.${to}`) })
        : t('activity.updated', { actor });
    case 'task.updated':
      return t('activity.updated', { actor });
    case 'task.assigned':
      return t('activity.assigned', { actor });
    case 'task.commented':
      return t('activity.commented', { actor });
    default:
      return t('activity.other', { actor, action: entry.action });
  }
}
