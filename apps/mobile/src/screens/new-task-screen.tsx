import { Stack, useRouter } from 'expo-router';
import { useState } from 'react';
import { StyleSheet, Text, View } from 'react-native';

import { describeError, fieldMessages } from '../api/error-messages';
import { newIdempotencyKey } from '../api/idempotency-key';
import { AlertMessage } from '../components/alert-message';
import { Chip } from '../components/chip';
import { PrimaryButton } from '../components/primary-button';
import { Screen } from '../components/screen';
import { TextField } from '../components/text-field';
import { TASK_PRIORITIES, TASK_STATUSES, type TaskPriority, type TaskStatus } from '../features/tasks/tasks-api';
import { useCreateTask } from '../features/tasks/use-tasks';
import { useT } from '../i18n/i18n';
import { useTheme } from '../theme';

export function NewTaskScreen({ projectId }: { projectId: string }) {
  const t = useT();
  const theme = useTheme();
  const router = useRouter();
  const create = useCreateTask(projectId);
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [status, setStatus] = useState<TaskStatus>('todo');
  const [priority, setPriority] = useState<TaskPriority>('none');
  const [titleMissing, setTitleMissing] = useState(false);
  // One key for this form, kept across retries: a create whose answer was lost is not made twice.
  const [idempotencyKey] = useState(newIdempotencyKey);
  const fields = fieldMessages(create.error);

  const submit = () => {
    const trimmed = title.trim();
    setTitleMissing(trimmed === '');
    if (trimmed === '') return;
    create.mutate(
      { task: { title: trimmed, description, status, priority }, idempotencyKey },
      {
        onSuccess: (task) => router.replace({ pathname: '/projects/[projectId]/tasks/[taskId]', params: { projectId, taskId: task.id } }),
      },
    );
  };

  return (
    <Screen>
      <Stack.Screen options={{ title: t('newTask.title') }} />
      <TextField
        label={t('task.titleField')}
        value={title}
        onChangeText={setTitle}
        error={titleMissing ? t('task.titleMissing') : fields.title}
      />
      <TextField
        label={t('task.descriptionField')}
        value={description}
        onChangeText={setDescription}
        error={fields.description}
        multiline
        numberOfLines={4}
      />
      <Text style={[styles.label, { color: theme.text }]}>{t('task.statusField')}</Text>
      <View style={styles.chips}>
        {TASK_STATUSES.map((value) => (
          <Chip
            key={value}
            label={t(`status.${value}`)}
            accessibilityLabel={t('newTask.status', { status: t(`status.${value}`) })}
            selected={status === value}
            onPress={() => setStatus(value)}
          />
        ))}
      </View>
      <Text style={[styles.label, { color: theme.text }]}>{t('task.priorityField')}</Text>
      <View style={styles.chips}>
        {TASK_PRIORITIES.map((value) => (
          <Chip
            key={value}
            label={t(`priority.${value}`)}
            accessibilityLabel={t('task.setPriority', { priority: t(`priority.${value}`) })}
            selected={priority === value}
            onPress={() => setPriority(value)}
          />
        ))}
      </View>
      {create.isError && Object.keys(fields).length === 0 ? <AlertMessage message={describeError(create.error, t)} /> : null}
      <PrimaryButton title={t('newTask.submit')} onPress={submit} busy={create.isPending} />
    </Screen>
  );
}

const styles = StyleSheet.create({
  label: { fontSize: 15, fontWeight: '600' },
  chips: { flexDirection: 'row', flexWrap: 'wrap', gap: 8 },
});
