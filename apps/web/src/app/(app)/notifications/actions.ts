'use server';

import { refresh } from 'next/cache';
import { getI18n } from '../../../i18n/server';
import { notificationsApi } from '../../../lib/api/notifications';
import { redirectIfSignedOut, requireCaller } from '../../../lib/caller';
import { notificationView, type NotificationView } from './notification-view';

// Server Actions (same-origin POSTs only): reading the latest notifications for the menu, and marking
// them read. Marking read refreshes the page so every unread count on it agrees.

export interface NotificationFeed {
  readonly items: readonly NotificationView[];
  readonly unreadCount: number;
}

export async function loadNotifications(): Promise<NotificationFeed | null> {
  const caller = await requireCaller();
  const result = await notificationsApi.list(caller, { limit: 8 });
  if (!result.ok) {
    redirectIfSignedOut(result.problem);
    return null;
  }
  const format = await getI18n();
  return { items: result.data.items.map((item) => notificationView(item, format)), unreadCount: result.data.unreadCount };
}

export async function markNotificationRead(id: string): Promise<boolean> {
  const caller = await requireCaller();
  const result = await notificationsApi.markRead(caller, id);
  if (!result.ok) redirectIfSignedOut(result.problem);
  refresh();
  return result.ok;
}

export async function markNotificationsRead(ids: readonly string[]): Promise<boolean> {
  const caller = await requireCaller();
  // The API marks one at a time; the menu only ever holds a handful.
  const results = await Promise.all(ids.slice(0, 50).map((id) => notificationsApi.markRead(caller, id)));
  refresh();
  return results.every((result) => result.ok);
}
