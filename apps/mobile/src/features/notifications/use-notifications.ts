import { useMutation, useQueryClient, type InfiniteData } from '@tanstack/react-query';

import { queryKeys } from '../../api/query-keys';
import { useCursorList } from '../../api/use-cursor-list';
import { assertOnline } from '../../network/online';
import { useClient } from '../../session/session-provider';
import { listNotifications, markNotificationRead, type AppNotification, type NotificationPage } from './notifications-api';

/** How often the unread badge asks while the app is open: new notifications need no push to show up. */
const BADGE_REFRESH_MS = 60_000;

export function useNotifications(options: { poll?: boolean } = {}) {
  const client = useClient();
  const list = useCursorList<AppNotification, NotificationPage>(
    queryKeys.notifications,
    (cursor) => listNotifications(client, cursor),
    options.poll ? { refetchInterval: BADGE_REFRESH_MS } : {},
  );
  // Every page carries the total; the newest page is the freshest count.
  const unreadCount = list.data?.pages[0]?.unreadCount ?? 0;
  return { ...list, unreadCount };
}

export function useMarkNotificationRead() {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => {
      assertOnline();
      return markNotificationRead(client, id);
    },
    onSuccess: (_nothing, id) => {
      const readAt = new Date().toISOString();
      queryClient.setQueryData<InfiniteData<NotificationPage>>(queryKeys.notifications, (data) => {
        if (data === undefined) return data;
        const wasUnread = data.pages.some((page) => page.items.some((item) => item.id === id && item.readAt === null));
        return {
          ...data,
          pages: data.pages.map((page) => ({
            ...page,
            unreadCount: Math.max(0, page.unreadCount - (wasUnread ? 1 : 0)),
            items: page.items.map((item) => (item.id === id && item.readAt === null ? { ...item, readAt } : item)),
          })),
        };
      });
    },
  });
}
