import { RefreshControl, StyleSheet, Text, View } from 'react-native';

import { describeError } from '../api/error-messages';
import { AlertMessage } from '../components/alert-message';
import { PrimaryButton } from '../components/primary-button';
import { QueryState } from '../components/query-state';
import { Screen } from '../components/screen';
import type { Session } from '../features/account/account-api';
import { useRevokeSession, useSessions } from '../features/account/use-account';
import { useI18n } from '../i18n/i18n';
import { useTheme } from '../theme';

export function SessionsScreen() {
  const { t } = useI18n();
  const sessions = useSessions();
  const revoke = useRevokeSession();
  return (
    <Screen refreshControl={<RefreshControl refreshing={sessions.isRefetching} onRefresh={() => void sessions.refetch()} />}>
      <QueryState query={sessions} loadingLabel={t('sessions.loading')} />
      {revoke.isError ? <AlertMessage message={describeError(revoke.error, t)} /> : null}
      {sessions.data?.map((session) => (
        <SessionRow
          key={session.id}
          session={session}
          revoking={revoke.isPending && revoke.variables === session.id}
          onRevoke={revoke.mutate}
        />
      ))}
    </Screen>
  );
}

function SessionRow({ session, revoking, onRevoke }: { session: Session; revoking: boolean; onRevoke: (id: string) => void }) {
  const { t, formatDateTime } = useI18n();
  const theme = useTheme();
  const device = session.userAgent ?? t('sessions.unknownDevice');
  return (
    <View style={[styles.card, { backgroundColor: theme.surface, borderColor: theme.border }]} testID={`session-${session.id}`}>
      <Text style={[styles.device, { color: theme.text }]}>
        {device}
        {session.current ? <Text style={{ color: theme.primary }}>{` · ${t('sessions.current')}`}</Text> : null}
      </Text>
      <Text style={[styles.meta, { color: theme.mutedText }]}>
        {t('sessions.lastUsed', { date: formatDateTime(session.lastUsedAt) })}
        {session.ip ? ` · ${session.ip}` : ''}
      </Text>
      <Text style={[styles.meta, { color: theme.mutedText }]}>{t('sessions.signedIn', { date: formatDateTime(session.createdAt) })}</Text>
      {/* This device signs out from the account screen, which also forgets its cached data. */}
      {session.current ? null : (
        <PrimaryButton
          title={t('sessions.revoke')}
          accessibilityLabel={t('sessions.revokeLabel', { device, date: formatDateTime(session.lastUsedAt) })}
          onPress={() => onRevoke(session.id)}
          busy={revoking}
          variant="outlined"
        />
      )}
    </View>
  );
}

const styles = StyleSheet.create({
  card: { borderWidth: 1, borderRadius: 12, padding: 14, gap: 6 },
  device: { fontSize: 15, fontWeight: '600' },
  meta: { fontSize: 13 },
});
