import { StyleSheet, View } from 'react-native';

import { Chip } from '../../components/chip';
import { useT } from '../../i18n/i18n';
import { TASK_STATUSES, type TaskStatus } from './tasks-api';

interface Props {
  /** Names the task in each choice's label, so a screen reader knows which task it changes. */
  taskKey: string;
  current: TaskStatus;
  onChoose: (status: TaskStatus) => void;
  disabled?: boolean;
}

export function StatusPicker({ taskKey, current, onChoose, disabled = false }: Props) {
  const t = useT();
  return (
    <View style={styles.row}>
      {TASK_STATUSES.map((status) => (
        <Chip
          key={status}
          label={t(`status.${status}`)}
          accessibilityLabel={t('tasks.setStatus', { key: taskKey, status: t(`status.${status}`) })}
          selected={status === current}
          disabled={disabled}
          onPress={() => onChoose(status)}
        />
      ))}
    </View>
  );
}

const styles = StyleSheet.create({
  row: { flexDirection: 'row', flexWrap: 'wrap', gap: 8 },
});
