import { useRouter } from 'expo-router';
import { FlatList, Pressable, RefreshControl, StyleSheet, Text, View } from 'react-native';

import { describeError } from '../api/error-messages';
import { listPaging } from '../api/list-paging';
import { AlertMessage } from '../components/alert-message';
import { ListFooter } from '../components/list-footer';
import { EmptyNote, QueryState } from '../components/query-state';
import { Screen, screenStyles } from '../components/screen';
import { routeForLink, type AppNotification } from '../features/notifications/notifications-api';
import { useMarkNotificationRead, useNotifications } from '../features/notifications/use-notifications';
import { useI18n } from '../i18n/i18n';
import { useTheme } from '../theme';

export function NotificationsScreen() {
  const { t } = useI18n();
  const router = useRouter();
  const notifications = useNotifications();
  const markRead = useMarkNotificationRead();
  const paging = listPaging(notifications);

  const open = (notification: AppNotification) => {
    if (notification.readAt === null) markRead.mutate(notification.id);
    const route = routeForLink(notification.link);
    if (route !== null) router.push(route);
  };

  return (
    <Screen scroll={false}>
      <QueryState query={notifications} loadingLabel={t('notifications.loading')} />
      {notifications.data !== undefined ? (
        <FlatList
          accessibilityLabel={t('notifications.title')}
          testID="notifications-list"
          data={notifications.items}
          keyExtractor={(item) => item.id}
          contentContainerStyle={[screenStyles.column, styles.list]}
          ListHeaderComponent={markRead.isError ? <AlertMessage message={describeError(markRead.error, t)} /> : null}
          renderItem={({ item }) => <NotificationRow notification={item} onOpen={open} />}
          ListEmptyComponent={<EmptyNote text={t('notifications.empty')} />}
          ListFooterComponent={
            <ListFooter
              hasNextPage={notifications.hasNextPage}
              isFetchingNextPage={notifications.isFetchingNextPage}
              onLoadMore={paging.onEndReached}
              loadMoreLabel={t('notifications.loadMore')}
            />
          }
          refreshControl={<RefreshControl refreshing={paging.refreshing} onRefresh={paging.onRefresh} />}
          onEndReached={paging.onEndReached}
          onEndReachedThreshold={paging.onEndReachedThreshold}
        />
      ) : null}
    </Screen>
  );
}

function NotificationRow({ notification, onOpen }: { notification: AppNotification; onOpen: (n: AppNotification) => void }) {
  const { t, formatDateTime } = useI18n();
  const theme = useTheme();
  const unread = notification.readAt === null;
  return (
    <Pressable
      accessibilityRole="button"
      accessibilityLabel={t(unread ? 'notifications.openUnread' : 'notifications.open', { title: notification.title })}
      onPress={() => onOpen(notification)}
      style={({ pressed }) => [
        styles.row,
        { backgroundColor: unread ? theme.accentSurface : theme.surface, borderColor: theme.border },
        pressed && styles.pressed,
      ]}
    >
      <View style={styles.rowHeader}>
        {unread ? <View style={[styles.dot, { backgroundColor: theme.primary }]} /> : null}
        <Text style={[styles.title, { color: theme.text }, unread && styles.bold]}>{notification.title}</Text>
      </View>
      {notification.body ? <Text style={[styles.body, { color: theme.text }]}>{notification.body}</Text> : null}
      <Text style={[styles.time, { color: theme.mutedText }]}>{formatDateTime(notification.createdAt)}</Text>
    </Pressable>
  );
}

const styles = StyleSheet.create({
  list: { padding: 16, gap: 10 },
  row: { borderWidth: 1, borderRadius: 12, padding: 14, gap: 4 },
  pressed: { opacity: 0.7 },
  rowHeader: { flexDirection: 'row', alignItems: 'center', gap: 8 },
  dot: { width: 8, height: 8, borderRadius: 4 },
  title: { fontSize: 16, flexShrink: 1 },
  bold: { fontWeight: '700' },
  body: { fontSize: 15 },
  time: { fontSize: 13 },
});
