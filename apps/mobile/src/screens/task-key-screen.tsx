import { useRouter } from 'expo-router';
import { useEffect } from 'react';

import { QueryState } from '../components/query-state';
import { Screen } from '../components/screen';
import { useTaskIdForKey } from '../features/tasks/task-key';
import { useT } from '../i18n/i18n';

/** A task opened by key (a link from a notification): finds its id, then shows it in its place. */
export function TaskKeyScreen({ projectId, taskKey }: { projectId: string; taskKey: string }) {
  const t = useT();
  const router = useRouter();
  const lookup = useTaskIdForKey(projectId, taskKey);
  const taskId = lookup.data;

  useEffect(() => {
    if (taskId !== undefined) router.replace({ pathname: '/projects/[projectId]/tasks/[taskId]', params: { projectId, taskId } });
  }, [router, projectId, taskId]);

  return (
    <Screen>
      <QueryState query={{ ...lookup, data: undefined }} loadingLabel={t('task.loading')} />
    </Screen>
  );
}
