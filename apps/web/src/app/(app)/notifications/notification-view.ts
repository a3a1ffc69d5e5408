import { formatDateTime, type FormatContext } from '../../../i18n/format';
import type { AppNotification } from '../../../lib/api/notifications';
import { safeNextPath } from '../../../lib/redirect-target';

/** A notification as the menu and the list show it: its time already formatted, its link a path on this site. */
export interface NotificationView {
  readonly id: string;
  readonly title: string;
  readonly body: string;
  readonly href: string | null;
  readonly read: boolean;
  readonly when: string;
  readonly createdAt: string;
}

/**
 * Links in notifications point into this app, sometimes as absolute URLs (emails need them); only the
 * path is kept, so a notification can never lead off the site.
 */
function internalPath(link: string | null): string | null {
  if (!link) return null;
  let path = link;
  if (/^https?:\/\//i.test(link)) {
    try {
      const url = new URL(link);
      path = `${url.pathname}${url.search}${url.hash}`;
    } catch {
      return null;
    }
  }
  const safe = safeNextPath(path);
  return safe === '/' && path !== '/' ? null : safe;
}

export function notificationView(notification: AppNotification, format: FormatContext): NotificationView {
  return {
    id: notification.id,
    title: notification.title,
    body: notification.body,
    href: internalPath(notification.link),
    read: notification.readAt !== null,
    when: formatDateTime(notification.createdAt, format),
    createdAt: notification.createdAt,
  };
}
