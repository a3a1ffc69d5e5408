import { useState } from 'react';
import { StyleSheet, Text, View } from 'react-native';

import { describeError, fieldMessages } from '../../api/error-messages';
import { AlertMessage } from '../../components/alert-message';
import { Chip } from '../../components/chip';
import { PrimaryButton } from '../../components/primary-button';
import { TextField } from '../../components/text-field';
import { useT } from '../../i18n/i18n';
import { useTheme } from '../../theme';
import { StatusPicker } from './status-picker';
import { TASK_PRIORITIES, type Task, type TaskChange } from './tasks-api';
import { useUpdateTask } from './use-tasks';

/** Only what the user changed is sent: a field someone else edited meanwhile is not reset by accident. */
function changesOf(task: Task, draft: Pick<Task, 'title' | 'description' | 'status' | 'priority'>): TaskChange {
  const change: TaskChange = {};
  if (draft.title.trim() !== task.title) change.title = draft.title.trim();
  if (draft.description !== task.description) change.description = draft.description;
  if (draft.status !== task.status) change.status = draft.status;
  if (draft.priority !== task.priority) change.priority = draft.priority;
  return change;
}

export function TaskEditor({ task, projectId, onDone }: { task: Task; projectId: string; onDone: () => void }) {
  const t = useT();
  const theme = useTheme();
  const update = useUpdateTask(projectId);
  const [draft, setDraft] = useState({ title: task.title, description: task.description, status: task.status, priority: task.priority });
  const change = changesOf(task, draft);
  const fields = fieldMessages(update.error);
  const titleMissing = draft.title.trim() === '';

  const save = () => {
    if (titleMissing || Object.keys(change).length === 0) return;
    update.mutate({ task, change }, { onSuccess: onDone });
  };

  return (
    <View style={styles.editor}>
      <TextField
        label={t('task.titleField')}
        value={draft.title}
        onChangeText={(title) => setDraft({ ...draft, title })}
        error={titleMissing ? t('task.titleMissing') : fields.title}
      />
      <TextField
        label={t('task.descriptionField')}
        value={draft.description}
        onChangeText={(description) => setDraft({ ...draft, description })}
        error={fields.description}
        multiline
        numberOfLines={4}
      />
      <Text style={[styles.label, { color: theme.text }]}>{t('task.statusField')}</Text>
      <StatusPicker taskKey={task.key} current={draft.status} onChoose={(status) => setDraft({ ...draft, status })} />
      <Text style={[styles.label, { color: theme.text }]}>{t('task.priorityField')}</Text>
      <View style={styles.chips}>
        {TASK_PRIORITIES.map((priority) => (
          <Chip
            key={priority}
            label={t(`priority.${priority}`)}
            accessibilityLabel={t('task.setPriority', { priority: t(`priority.${priority}`) })}
            selected={draft.priority === priority}
            onPress={() => setDraft({ ...draft, priority })}
          />
        ))}
      </View>
      {update.isError && Object.keys(fields).length === 0 ? <AlertMessage message={describeError(update.error, t)} /> : null}
      <PrimaryButton
        title={t('common.save')}
        onPress={save}
        busy={update.isPending}
        disabled={titleMissing || Object.keys(change).length === 0}
      />
      <PrimaryButton title={t('common.cancel')} onPress={onDone} variant="outlined" disabled={update.isPending} />
    </View>
  );
}

const styles = StyleSheet.create({
  editor: { gap: 12 },
  label: { fontSize: 15, fontWeight: '600' },
  chips: { flexDirection: 'row', flexWrap: 'wrap', gap: 8 },
});
