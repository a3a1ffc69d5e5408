import { useRouter } from 'expo-router';
import { useState } from 'react';
import { ActivityIndicator, Pressable, StyleSheet, Text, View } from 'react-native';

import { useT } from '../../i18n/i18n';
import { useTheme } from '../../theme';
import { StatusPicker } from './status-picker';
import type { Task, TaskStatus } from './tasks-api';

interface Props {
  task: Task;
  projectId: string;
  assigneeName: string | null;
  canEdit: boolean;
  changing: boolean;
  onChangeStatus: (task: Task, status: TaskStatus) => void;
}

/** One task on the board: opens the task; its status button unfolds the quick status change. */
export function TaskRow({ task, projectId, assigneeName, canEdit, changing, onChangeStatus }: Props) {
  const router = useRouter();
  const theme = useTheme();
  const t = useT();
  const [picking, setPicking] = useState(false);
  const status = t(`status.${task.status}`);

  return (
    <View style={[styles.row, { backgroundColor: theme.surface, borderColor: theme.border }]}>
      <Pressable
        accessibilityRole="button"
        accessibilityLabel={t('tasks.open', { key: task.key, title: task.title })}
        onPress={() => router.push({ pathname: '/projects/[projectId]/tasks/[taskId]', params: { projectId, taskId: task.id } })}
        style={({ pressed }) => [styles.main, pressed && styles.pressed]}
      >
        <Text style={[styles.key, { color: theme.mutedText }]}>{task.key}</Text>
        <Text style={[styles.title, { color: theme.text }]}>{task.title}</Text>
        <Text style={[styles.meta, { color: theme.mutedText }]}>
          {t(`priority.${task.priority}`)}
          {assigneeName ? ` · ${assigneeName}` : ''}
        </Text>
      </Pressable>
      <Pressable
        accessibilityRole="button"
        accessibilityLabel={t('tasks.changeStatus', { key: task.key, status })}
        accessibilityState={{ expanded: picking, disabled: !canEdit || changing, busy: changing }}
        disabled={!canEdit || changing}
        onPress={() => setPicking((open) => !open)}
        style={[styles.status, { borderColor: theme.border }]}
      >
        {changing ? <ActivityIndicator size="small" color={theme.primary} /> : null}
        <Text style={[styles.statusText, { color: theme.primary }]}>{status}</Text>
      </Pressable>
      {picking ? (
        <StatusPicker
          taskKey={task.key}
          current={task.status}
          onChoose={(next) => {
            setPicking(false);
            if (next !== task.status) onChangeStatus(task, next);
          }}
        />
      ) : null}
    </View>
  );
}

const styles = StyleSheet.create({
  row: { borderWidth: 1, borderRadius: 12, padding: 12, gap: 10 },
  main: { gap: 4 },
  pressed: { opacity: 0.7 },
  key: { fontSize: 13, fontWeight: '600' },
  title: { fontSize: 16, fontWeight: '600' },
  meta: { fontSize: 13 },
  status: {
    flexDirection: 'row',
    alignItems: 'center',
    gap: 6,
    alignSelf: 'flex-start',
    borderWidth: 1,
    borderRadius: 16,
    paddingHorizontal: 12,
    paddingVertical: 6,
    minHeight: 32,
  },
  statusText: { fontSize: 14, fontWeight: '600' },
});
