import { ActivityIndicator, StyleSheet, Text, View } from 'react-native';

import { describeError } from '../api/error-messages';
import { useT } from '../i18n/i18n';
import { useTheme } from '../theme';
import { AlertMessage } from './alert-message';
import { PrimaryButton } from './primary-button';

/** The parts of a react-query result this needs (a plain query or an infinite one). */
export interface QueryLike {
  status: 'pending' | 'error' | 'success';
  fetchStatus: 'fetching' | 'paused' | 'idle';
  data: unknown;
  error: unknown;
  refetch: () => unknown;
}

/**
 * What a screen shows instead of its data: a spinner, the offline note when nothing was saved on the
 * device yet, or the error with a retry. Renders nothing when there is data to show — a failed
 * background refresh keeps the data on screen rather than replacing it with an error.
 */
export function QueryState({ query, loadingLabel }: { query: QueryLike; loadingLabel: string }) {
  const theme = useTheme();
  const t = useT();
  if (query.data !== undefined) return null;
  if (query.status === 'pending' && query.fetchStatus === 'paused') {
    return <Text style={[styles.note, { color: theme.mutedText }]}>{t('offline.nothingSaved')}</Text>;
  }
  if (query.status === 'pending') {
    return <ActivityIndicator style={styles.spinner} accessibilityLabel={loadingLabel} color={theme.primary} />;
  }
  if (query.status === 'error') {
    return (
      <View style={styles.error}>
        <AlertMessage message={describeError(query.error, t)} />
        <PrimaryButton title={t('common.retry')} onPress={() => void query.refetch()} variant="outlined" />
      </View>
    );
  }
  return null;
}

/** A quiet line for an empty list. */
export function EmptyNote({ text }: { text: string }) {
  const theme = useTheme();
  return <Text style={[styles.note, { color: theme.mutedText }]}>{text}</Text>;
}

const styles = StyleSheet.create({
  spinner: { padding: 24 },
  note: { fontSize: 15, padding: 16, textAlign: 'center' },
  error: { gap: 12, padding: 16 },
});
