import { Stack } from 'expo-router';
import { useState } from 'react';
import { StyleSheet, Text, View } from 'react-native';

import { PrimaryButton } from '../components/primary-button';
import { QueryState } from '../components/query-state';
import { Screen } from '../components/screen';
import { TaskActivity } from '../features/activity/task-activity';
import { TaskComments } from '../features/comments/task-comments';
import { canEditTasks } from '../features/projects/projects-api';
import { useMemberNames, useProject } from '../features/projects/use-projects';
import { TaskEditor } from '../features/tasks/task-editor';
import { useTask } from '../features/tasks/use-tasks';
import { useI18n } from '../i18n/i18n';
import { useTheme } from '../theme';

export function TaskDetailScreen({ projectId, taskId }: { projectId: string; taskId: string }) {
  const { t, formatDateTime } = useI18n();
  const theme = useTheme();
  const task = useTask(projectId, taskId);
  const project = useProject(projectId);
  const nameOf = useMemberNames(projectId);
  const [editing, setEditing] = useState(false);
  const canEdit = canEditTasks(project.data);
  const current = task.data;

  return (
    <Screen>
      <Stack.Screen options={{ title: current?.key ?? t('task.title') }} />
      <QueryState query={task} loadingLabel={t('task.loading')} />
      {current !== undefined ? (
        <>
          {editing ? (
            <TaskEditor task={current} projectId={projectId} onDone={() => setEditing(false)} />
          ) : (
            <View style={styles.details}>
              <Text style={[styles.key, { color: theme.mutedText }]}>{current.key}</Text>
              <Text accessibilityRole="header" style={[styles.title, { color: theme.text }]}>
                {current.title}
              </Text>
              <Text style={[styles.meta, { color: theme.text }]}>
                {t('task.statusLine', { status: t(`status.${current.status}`), priority: t(`priority.${current.priority}`) })}
              </Text>
              <Text style={[styles.meta, { color: theme.mutedText }]}>
                {t('task.assignee', { name: nameOf(current.assigneeId) ?? t('task.unassigned') })}
                {current.dueDate ? ` · ${t('task.due', { date: current.dueDate })}` : ''}
              </Text>
              {current.labels.length > 0 ? (
                <Text style={[styles.meta, { color: theme.mutedText }]}>{current.labels.join(', ')}</Text>
              ) : null}
              <Text style={[styles.description, { color: current.description ? theme.text : theme.mutedText }]}>
                {current.description || t('task.noDescription')}
              </Text>
              <Text style={[styles.meta, { color: theme.mutedText }]}>
                {t('task.updated', { date: formatDateTime(current.updatedAt) })}
              </Text>
              {canEdit ? (
                <PrimaryButton
                  title={t('task.edit')}
                  accessibilityLabel={t('task.editLabel', { key: current.key })}
                  onPress={() => setEditing(true)}
                />
              ) : null}
            </View>
          )}
          <TaskComments projectId={projectId} taskId={taskId} canComment={canEdit} />
          <TaskActivity projectId={projectId} taskKey={current.key} />
        </>
      ) : null}
    </Screen>
  );
}

const styles = StyleSheet.create({
  details: { gap: 8 },
  key: { fontSize: 14, fontWeight: '600' },
  title: { fontSize: 22, fontWeight: '700' },
  meta: { fontSize: 14 },
  description: { fontSize: 16, lineHeight: 23, paddingVertical: 8 },
});
