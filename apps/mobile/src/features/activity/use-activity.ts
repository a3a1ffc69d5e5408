import { queryKeys } from '../../api/query-keys';
import { useCursorList } from '../../api/use-cursor-list';
import { useClient } from '../../session/session-provider';
import { listActivity, type Activity, type ActivityPage } from './activity-api';

/** The project's activity, newest first; a task's screen shows the entries about its key. */
export function useActivity(projectId: string) {
  const client = useClient();
  return useCursorList<Activity, ActivityPage>(queryKeys.activity(projectId), (cursor) => listActivity(client, projectId, cursor));
}
