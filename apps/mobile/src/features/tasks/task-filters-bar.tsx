import { ScrollView, StyleSheet, View } from 'react-native';

import { Chip } from '../../components/chip';
import { TextField } from '../../components/text-field';
import { useT } from '../../i18n/i18n';
import { TASK_STATUSES, type TaskStatus } from './tasks-api';

interface Props {
  search: string;
  onSearch: (text: string) => void;
  status: TaskStatus | undefined;
  onStatus: (status: TaskStatus | undefined) => void;
  mine: boolean;
  onMine: (mine: boolean) => void;
}

/** Search and filters of the board; the server filters, so paging stays correct for any combination. */
export function TaskFiltersBar({ search, onSearch, status, onStatus, mine, onMine }: Props) {
  const t = useT();
  return (
    <View style={styles.bar}>
      <TextField
        label={t('tasks.search')}
        value={search}
        onChangeText={onSearch}
        autoCapitalize="none"
        returnKeyType="search"
        clearButtonMode="while-editing"
      />
      <ScrollView horizontal showsHorizontalScrollIndicator={false} contentContainerStyle={styles.chips}>
        <Chip
          label={t('tasks.filterAll')}
          accessibilityLabel={t('tasks.filterAllLabel')}
          selected={status === undefined}
          onPress={() => onStatus(undefined)}
        />
        {TASK_STATUSES.map((value) => (
          <Chip
            key={value}
            label={t(`status.${value}`)}
            accessibilityLabel={t('tasks.filterStatus', { status: t(`status.${value}`) })}
            selected={status === value}
            onPress={() => onStatus(status === value ? undefined : value)}
          />
        ))}
        <Chip label={t('tasks.mine')} accessibilityLabel={t('tasks.mineLabel')} selected={mine} onPress={() => onMine(!mine)} />
      </ScrollView>
    </View>
  );
}

const styles = StyleSheet.create({
  bar: { gap: 10, paddingBottom: 8 },
  chips: { gap: 8, paddingVertical: 2 },
});
