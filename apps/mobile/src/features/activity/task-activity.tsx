import { StyleSheet, Text, View } from 'react-native';

import { PrimaryButton } from '../../components/primary-button';
import { EmptyNote } from '../../components/query-state';
import { useI18n } from '../../i18n/i18n';
import { useTheme } from '../../theme';
import { useMemberNames } from '../projects/use-projects';
import { describeActivity } from './describe-activity';
import { useActivity } from './use-activity';

/**
 * The history of one task. The API lists activity per project, so this keeps the entries about the
 * task's key from the pages loaded so far, and offers the next page for older history.
 */
export function TaskActivity({ projectId, taskKey }: { projectId: string; taskKey: string }) {
  const { t, formatDateTime } = useI18n();
  const theme = useTheme();
  const activity = useActivity(projectId);
  const nameOf = useMemberNames(projectId);
  const entries = activity.items.filter((entry) => entry.subject === taskKey);

  return (
    <View style={styles.section}>
      <Text accessibilityRole="header" style={[styles.title, { color: theme.text }]}>
        {t('task.activity')}
      </Text>
      {activity.data !== undefined && entries.length === 0 ? <EmptyNote text={t('task.noActivity')} /> : null}
      {entries.map((entry) => (
        <View key={entry.id} style={styles.entry} accessible>
          <Text style={[styles.text, { color: theme.text }]}>
            {describeActivity(entry, nameOf(entry.actorId) ?? t('common.someone'), t)}
          </Text>
          <Text style={[styles.time, { color: theme.mutedText }]}>{formatDateTime(entry.createdAt)}</Text>
        </View>
      ))}
      {activity.hasNextPage ? (
        <PrimaryButton
          title={t('task.olderActivity')}
          onPress={() => void activity.fetchNextPage()}
          busy={activity.isFetchingNextPage}
          variant="outlined"
        />
      ) : null}
    </View>
  );
}

const styles = StyleSheet.create({
  section: { gap: 8 },
  title: { fontSize: 18, fontWeight: '700' },
  entry: { gap: 2 },
  text: { fontSize: 15 },
  time: { fontSize: 13 },
});
